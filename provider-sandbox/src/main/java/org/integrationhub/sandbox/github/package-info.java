/**
 * The sandbox's GitHub: github.com ({@code /github/web}) and api.github.com ({@code /github/api}),
 * following the GitHub section of PROVIDERS.md.
 *
 * <h2>Endpoints</h2>
 * <ul>
 * <li>{@code GET /github/web/login/oauth/authorize}: consent page (HTML form posting to
 * {@code /github/web/login/oauth/authorize/decision}); an unknown client or a redirect URI that is
 * not exactly a registered one gets a 400 HTML page. <b>Scripts</b> add
 * {@code sandbox_auto_approve=true} (and optionally {@code sandbox_user=<login>}, or GitHub's own
 * {@code login} hint; default the first sandbox person).</li>
 * <li>{@code POST /github/web/login/oauth/access_token} (query, form or JSON parameters): code and
 * refresh grants; form-encoded answer unless {@code Accept: application/json}; errors HTTP 200.</li>
 * <li>{@code GET /github/api/user}, {@code GET /github/api/repos/{owner}/{repo}/issues},
 * {@code GET /github/api/repos/{owner}/{repo}/issues/{number}} (410 for a deleted issue).</li>
 * <li>Test knobs: {@code POST /sandbox/github/webhooks}, {@code DELETE /sandbox/github/webhooks/{id}},
 * {@code GET /sandbox/github/deliveries}, {@code POST /sandbox/github/deliveries/{id}/redeliver},
 * {@code POST /sandbox/github/repos/{owner}/{repo}/issues}, {@code PATCH|DELETE /sandbox/github/issues/{id}}.</li>
 * </ul>
 *
 * <h2>Readings the sandbox chose where GitHub leaves room</h2>
 * <ul>
 * <li>No token: 401 {@code Requires authentication}; an unknown or expired one: 401 {@code Bad credentials}.
 * Tokens count against 5,000 requests an hour each, requests without valid credentials against 60
 * an hour per address; an exhausted limit is 403 with {@code x-ratelimit-remaining: 0}.</li>
 * <li>Issue lists sort by {@code created} (default) or {@code updated} ({@code comments} sorts as
 * {@code created}: no issue has comments), {@code direction} default {@code desc}, ties broken by id.
 * {@code since} compares with the exact update time (milliseconds), answers show seconds.</li>
 * <li>{@code closed_at} (and a pull request's {@code merged_at}) is the last update: the store
 * keeps no separate close time. {@code state_reason} is {@code completed} for closed issues, else null.</li>
 * <li>Granted scopes are answered comma-separated for expiring (GitHub App) tokens too; real GitHub
 * Apps answer an empty scope.</li>
 * <li>Webhook payload URLs point at {@code http://localhost:<port>} (a webhook has no request to take
 * a host from). An update that changes several aspects sends one event per aspect (edited, closed or
 * reopened, unassigned, assigned, labeled, unlabeled); creating an assigned issue sends opened and
 * assigned. The sender is the first sandbox person.</li>
 * </ul>
 */
package org.integrationhub.sandbox.github;
