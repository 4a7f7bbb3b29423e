// Copy and Generate buttons (progressive enhancement; no inline script, so the CSP stays strict). A button
// <button class="copy" data-copy="ID" hidden> copies the value of the field with that id. Without
// this script the buttons stay hidden and the read-only field can be selected and copied by hand.
// <button class="generate" data-generate="ID" hidden> fills that (password) field with a new webhook
// secret made here in the browser (32 bytes from crypto.getRandomValues, base64url: 43 characters),
// shows it as text and reveals its copy button (data-after-generate): the secret travels only in the
// form's request, and the hub never answers it back. Without script the person types one.
(function () {
  "use strict";

  function reveal(root) {
    root.querySelectorAll("button.copy[data-copy]:not([data-after-generate])").forEach(function (button) {
      button.hidden = false;
    });
    if (window.crypto && window.crypto.getRandomValues) {
      root.querySelectorAll("button.generate[data-generate]").forEach(function (button) {
        button.hidden = false;
      });
    }
  }

  function randomSecret() {
    var bytes = new Uint8Array(32);
    window.crypto.getRandomValues(bytes);
    var binary = "";
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return window.btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function generate(button) {
    var id = button.getAttribute("data-generate");
    var field = document.getElementById(id);
    if (!field) {
      return;
    }
    field.value = randomSecret();
    field.type = "text";
    var copy = document.querySelector("button.copy[data-after-generate][data-copy='" + id + "']");
    if (copy) {
      copy.hidden = false;
    }
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
    var generator = event.target.closest("button.generate[data-generate]");
    if (generator) {
      generate(generator);
      return;
    }
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
  // content htmx swaps in may bring its own buttons
  document.addEventListener("htmx:load", function (event) { reveal(event.target); });
}());
