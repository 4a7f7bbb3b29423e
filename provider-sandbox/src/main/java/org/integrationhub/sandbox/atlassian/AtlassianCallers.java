package org.integrationhub.sandbox.atlassian;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.integrationhub.sandbox.SandboxSettings;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.integrationhub.sandbox.oauth.AccessGrant;
import org.integrationhub.sandbox.oauth.OAuthServer;
import org.integrationhub.sandbox.oauth.Provider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * Authenticates API calls: {@code /atlassian/api/ex/{product}/{cloudId}/...} takes only a Bearer
 * access token, {@code /atlassian/site/{siteName}/...} only HTTP Basic with the admin's email and
 * API token. Both answer 401 with Jira's error body for bad or missing credentials, 404 for an
 * unknown cloudId or site.
 */
@Component
class AtlassianCallers {

    static final String UNAUTHENTICATED = "Client must be authenticated to access this resource.";

    private final AtlassianApp app;
    private final OAuthServer oauth;

    AtlassianCallers(AtlassianApp app, OAuthServer oauth) {
        this.app = app;
        this.oauth = oauth;
    }

    /** The caller of a Jira REST path. */
    AtlassianCaller jira(ServerWebExchange exchange) {
        return resolve(exchange, "jira");
    }

    /** The caller of a Confluence REST path. */
    AtlassianCaller confluence(ServerWebExchange exchange) {
        return resolve(exchange, "confluence");
    }

    private AtlassianCaller resolve(ServerWebExchange exchange, String product) {
        Map<String, String> variables = exchange.getAttributeOrDefault(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of());
        ServerHttpRequest request = exchange.getRequest();
        String origin = origin(request.getURI());
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        String siteName = variables.get("siteName");
        if (siteName != null) {
            SandboxSettings.Site site = app.siteByName(siteName)
                    .orElseThrow(() -> AtlassianException.jira(HttpStatus.NOT_FOUND, "Site not found: " + siteName));
            SandboxPerson admin = basic(authorization);
            String siteBase = siteBase(origin, site);
            return new AtlassianCaller(admin, null, site, siteBase, siteBase);
        }
        AccessGrant grant = "jira".equals(product) ? bearer(authorization) : gatewayBearer(authorization);
        SandboxPerson person = app.person(grant.subject())
                .orElseThrow(() -> AtlassianException.jira(HttpStatus.UNAUTHORIZED, UNAUTHENTICATED));
        String cloudId = variables.get("cloudId");
        SandboxSettings.Site site = app.siteByCloudId(cloudId)
                .orElseThrow(() -> AtlassianException.jira(HttpStatus.NOT_FOUND, "No site with cloudId " + cloudId));
        return new AtlassianCaller(person, grant, site, origin + "/atlassian/api/ex/" + product + "/" + site.cloudId(),
                siteBase(origin, site));
    }

    /** The grant of a valid Bearer token, or a 401 with Jira's error body. */
    AccessGrant bearer(String authorization) {
        return oauth.authenticate(Provider.ATLASSIAN, credentials(authorization, "Bearer"))
                .orElseThrow(() -> AtlassianException.jira(HttpStatus.UNAUTHORIZED, UNAUTHENTICATED));
    }

    /** The grant of a valid Bearer token, or a 401 with the API gateway's own body (endpoints that are not Jira's). */
    AccessGrant gatewayBearer(String authorization) {
        return oauth.authenticate(Provider.ATLASSIAN, credentials(authorization, "Bearer"))
                .orElseThrow(() -> AtlassianException.gateway(HttpStatus.UNAUTHORIZED, "Unauthorized"));
    }

    private SandboxPerson basic(String authorization) {
        String encoded = credentials(authorization, "Basic");
        if (encoded != null) {
            try {
                String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0 && app.apiTokenMatches(decoded.substring(0, colon), decoded.substring(colon + 1))) {
                    return app.admin();
                }
            } catch (IllegalArgumentException notBase64) {
                // falls through to 401
            }
        }
        throw AtlassianException.jira(HttpStatus.UNAUTHORIZED, UNAUTHENTICATED);
    }

    private static String credentials(String authorization, String scheme) {
        if (authorization == null || authorization.length() <= scheme.length() + 1
                || !authorization.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
            return null;
        }
        String value = authorization.substring(scheme.length() + 1).trim();
        return value.isEmpty() ? null : value;
    }

    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    static String siteBase(String origin, SandboxSettings.Site site) {
        return origin + "/atlassian/site/" + site.name();
    }
}
