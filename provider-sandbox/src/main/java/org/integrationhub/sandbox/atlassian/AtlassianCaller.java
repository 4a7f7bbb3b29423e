package org.integrationhub.sandbox.atlassian;

import java.util.Set;
import org.integrationhub.sandbox.SandboxSettings;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.integrationhub.sandbox.oauth.AccessGrant;
import org.springframework.http.HttpStatus;

/**
 * Who called a Jira or Confluence API, through which door: an OAuth grant on api.atlassian.com
 * ({@code grant} set), or the site admin's API token on the site URL. {@code productBase} is the
 * URL the product's REST paths hang off (".../ex/jira/{cloudId}" or the site URL); {@code siteBase}
 * the site URL.
 */
record AtlassianCaller(SandboxPerson person, AccessGrant grant, SandboxSettings.Site site, String productBase, String siteBase) {

    boolean oauth() {
        return grant != null;
    }

    String jiraApi() {
        return productBase + "/rest/api/3";
    }

    /** OAuth callers need one of the scopes (the gateway answers 401 otherwise); API-token callers are the admin. */
    void requireScope(Set<String> anyOf) {
        if (oauth() && AtlassianApp.scopes(grant.scope()).stream().noneMatch(anyOf::contains)) {
            throw AtlassianException.gateway(HttpStatus.UNAUTHORIZED, "Unauthorized; scope does not match");
        }
    }
}
