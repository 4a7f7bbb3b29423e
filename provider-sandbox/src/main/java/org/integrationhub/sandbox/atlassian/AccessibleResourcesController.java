package org.integrationhub.sandbox.atlassian;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.integrationhub.sandbox.oauth.AccessGrant;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET https://api.atlassian.com/oauth/token/accessible-resources}: the sites a grant covers,
 * each with the granted scopes (without {@code offline_access}) and its URL, which points at the
 * sandbox's site path.
 */
@RestController
class AccessibleResourcesController {

    static final String AVATAR_URL = "https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/site.png";

    private final AtlassianApp app;
    private final AtlassianCallers callers;

    AccessibleResourcesController(AtlassianApp app, AtlassianCallers callers) {
        this.app = app;
        this.callers = callers;
    }

    @GetMapping("/atlassian/api/oauth/token/accessible-resources")
    List<Map<String, Object>> accessibleResources(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerWebExchange exchange) {
        AccessGrant grant = callers.gatewayBearer(authorization);
        List<String> scopes = AtlassianApp.scopes(grant.scope()).stream().filter(s -> !AtlassianApp.OFFLINE_ACCESS.equals(s)).toList();
        String origin = AtlassianCallers.origin(exchange.getRequest().getURI());
        return app.sites().stream().map(site -> {
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("id", site.cloudId());
            resource.put("url", AtlassianCallers.siteBase(origin, site));
            resource.put("name", site.name());
            resource.put("scopes", scopes);
            resource.put("avatarUrl", AVATAR_URL);
            return resource;
        }).toList();
    }
}
