/**
 * The sandbox's Atlassian: auth.atlassian.com ({@code /atlassian/auth}), api.atlassian.com
 * ({@code /atlassian/api}) and SITE.atlassian.net ({@code /atlassian/site/{siteName}}), following
 * the Atlassian section of PROVIDERS.md.
 *
 * <h2>Endpoints</h2>
 * <ul>
 * <li>{@code GET /atlassian/auth/authorize}: consent page (HTML form posting to
 * {@code /atlassian/auth/authorize/decision}); an unknown client or a redirect URI that is not exactly
 * a registered one gets a 400 HTML page, other errors go back to the redirect URI with the state.
 * <b>Scripts</b> add {@code sandbox_auto_approve=true} (and optionally {@code sandbox_user=<accountId>},
 * default the first sandbox person) to be redirected with a code at once.</li>
 * <li>{@code POST /atlassian/auth/oauth/token} (JSON, or form-encoded): code and refresh grants.</li>
 * <li>{@code GET /atlassian/api/oauth/token/accessible-resources}.</li>
 * <li>Jira REST v3 under {@code /atlassian/api/ex/jira/{cloudId}/rest/api/3} (Bearer) and
 * {@code /atlassian/site/{siteName}/rest/api/3} (Basic email:apiToken): {@code /myself},
 * {@code /search/jql} (GET, POST), {@code /issue/{idOrKey}}, {@code /search} (410), and for OAuth
 * apps {@code /webhook}, {@code /webhook/refresh}, {@code /webhook/failed}.</li>
 * <li>Confluence v2 {@code /wiki/api/v2/pages} under {@code /atlassian/api/ex/confluence/{cloudId}}
 * (Bearer) and the site URL (Basic).</li>
 * <li>Test knobs: {@code POST|PUT|DELETE /sandbox/atlassian/issues[/{idOrKey}]},
 * {@code POST /sandbox/atlassian/webhooks} (admin webhook with a secret),
 * {@code DELETE /sandbox/atlassian/webhooks[/{id}]}.</li>
 * </ul>
 *
 * <h2>Readings the sandbox chose where Atlassian leaves room</h2>
 * <ul>
 * <li>Bad authorization codes answer 400 {@code invalid_grant}; dead refresh tokens 403
 * {@code invalid_grant}. Clients should treat {@code invalid_grant} alike whatever the status.</li>
 * <li>OAuth calls need a fitting scope ({@code read:jira-work} for search and issues,
 * {@code read:jira-user} for {@code /myself}, {@code manage:jira-webhook} for webhooks,
 * {@code read:page:confluence} for pages); otherwise 401 {@code {"code":401,"message":"Unauthorized;
 * scope does not match"}}, as the API gateway answers.</li>
 * <li>JQL: {@code project =|in}, {@code updated >=|>|<=|<} with {@code "yyyy-MM-dd HH:mm"},
 * {@code yyyy/MM/dd[ HH:mm]} or relative {@code -15m|-2h|-1d|-1w}, joined with AND, then
 * {@code ORDER BY updated [ASC|DESC]}; date literals are read in UTC (every sandbox user's time
 * zone is reported as Europe/Berlin, but the sandbox compares in UTC). Empty JQL means every issue
 * (real Jira refuses unbounded queries on the enhanced search). Anything else: 400
 * {@code Error in the JQL Query: ...}.</li>
 * <li>{@code nextPageToken} is opaque: the sort key of the last issue plus a hash of the JQL; a token
 * sent with another JQL is a 400.</li>
 * <li>Dynamic webhooks' {@code expirationDate} is epoch milliseconds (Jira's schema type; its
 * documentation examples show date strings). A JQL filter the sandbox cannot evaluate is accepted
 * and matches every issue.</li>
 * <li>Webhooks: the acting {@code user} is the site admin; {@code issue_event_type_name} is
 * {@code issue_generic} for status changes, {@code issue_assigned} for assignee-only changes and
 * {@code issue_updated} for other edits; the identifier is a UUID per (event, webhook).</li>
 * </ul>
 */
package org.integrationhub.sandbox.atlassian;
