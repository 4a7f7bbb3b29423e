/**
 * The sandbox's Slack: slack.com ({@code /slack}, Web API under {@code /slack/api/<method>}),
 * following the Slack section of PROVIDERS.md.
 *
 * <h2>Endpoints</h2>
 * <ul>
 * <li>{@code GET /slack/oauth/v2/authorize}: consent page (HTML form posting to
 * {@code /slack/oauth/v2/authorize/decision}); an unknown client or a redirect URI that is not
 * exactly a registered one gets a 400 HTML page. <b>Scripts</b> add {@code sandbox_auto_approve=true}
 * (and optionally {@code sandbox_user=<Slack user id>}, default the first sandbox person).</li>
 * <li>{@code POST /slack/api/oauth.v2.access} (form): code and refresh grants, client credentials as
 * form fields or HTTP Basic.</li>
 * <li>{@code GET|POST /slack/api/auth.test}, {@code POST /slack/api/chat.postMessage} (JSON or form).</li>
 * <li>Test knobs: {@code POST /sandbox/slack/events}, {@code GET /sandbox/slack/events/attempts},
 * {@code GET|DELETE /sandbox/slack/messages}; {@code POST /sandbox/reset} also forgets messages and
 * event attempts.</li>
 * </ul>
 *
 * <h2>Readings the sandbox chose where Slack leaves room</h2>
 * <ul>
 * <li>User tokens are {@code xoxp-}, bot tokens {@code xoxb-}, refresh tokens {@code xoxe-1-} (not the
 * {@code xoxe.xoxb-} form rotating tokens have at Slack). A rotated-out refresh token stays usable for
 * the sandbox's {@code refresh-reuse-interval}.</li>
 * <li>A PKCE verifier that does not match answers {@code invalid_code}; the client secret is always
 * required.</li>
 * <li>{@code chat.postMessage} needs {@code chat:write} ({@code missing_scope} otherwise) and accepts
 * any channel: names map to stable {@code C…} ids.</li>
 * <li>Event retries wait {@code retryBackoffMillis} (default 100 ms) rather than Slack's one and five
 * minutes; every attempt is signed afresh.</li>
 * </ul>
 */
package org.integrationhub.sandbox.slack;
