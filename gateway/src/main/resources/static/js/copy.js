// Copy buttons (progressive enhancement; no inline script, so the CSP stays strict). A button
// <button class="copy" data-copy="ID" hidden> copies the value of the field with that id. Without
// this script the buttons stay hidden and the read-only field can be selected and copied by hand.
(function () {
  "use strict";

  function reveal(root) {
    root.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
      button.hidden = false;
    });
  }

  function say(button, text) {
    button.textContent = text;
    window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
  }

  function copyBySelection(field) {
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (ignored) {
      return false;
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy[data-copy]");
    if (!button) {
      return;
    }
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) {
      return;
    }
    var fallback = function () {
      say(button, copyBySelection(field) ? "Copied" : "Press Ctrl+C");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { say(button, "Copied"); }, fallback);
    } else {
      fallback();
    }
  });

  document.addEventListener("DOMContentLoaded", function () { reveal(document); });
  // content htmx swaps in (a new webhook secret) brings its own buttons
  document.addEventListener("htmx:load", function (event) { reveal(event.target); });
}());
