package org.integrationhub.connector.oauth;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Reads whom a fresh grant belongs to. Atlassian: {@code /oauth/token/accessible-resources} gives
 * the cloud id and site URL (the first site the grant covers: one connection per site), Jira's
 * {@code /myself} over {@code /ex/jira/{cloudId}} the account; the API base becomes
 * {@code {apiBaseUrl}/ex/{jira|confluence}/{cloudId}}. GitHub: {@code /user}. Slack: the team and
 * the installing user from the token answer itself.
 */
@Component
public class ExternalIdentities {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private final WebClient http;
    private final OAuthSettings settings;

    public ExternalIdentities(WebClient.Builder http, OAuthSettings settings) {
        this.http = http.clone().build();
        this.settings = settings;
    }

    public Mono<ExternalIdentity> identify(OAuthSettings.Provider provider, TokenGrant grant) {
        Mono<ExternalIdentity> identity = switch (provider.family()) {
            case "atlassian" -> atlassian(provider, grant);
            case "github" -> github(provider, grant);
            case "slack" -> slack(provider, grant);
            default -> Mono.error(new IllegalStateException("Unknown provider family " + provider.family()));
        };
        return identity.timeout(settings.timeout());
    }

    private Mono<ExternalIdentity> atlassian(OAuthSettings.Provider provider, TokenGrant grant) {
        String api = provider.apiBaseUrl();
        return get(api + "/oauth/token/accessible-resources", grant, LIST)
                .flatMap(sites -> sites.isEmpty() ? Mono.error(new IllegalStateException("The grant covers no site"))
                        : Mono.just(sites.get(0)))
                .flatMap(site -> {
                    String cloudId = String.valueOf(site.get("id"));
                    String product = "confluence".equals(provider.system()) ? "confluence" : "jira";
                    String baseUrl = api + "/ex/" + product + "/" + cloudId;
                    String name = (product.equals("jira") ? "Jira (" : "Confluence (") + site.get("name") + ")";
                    String siteUrl = (String) site.get("url");
                    if (!product.equals("jira")) {
                        return Mono.just(new ExternalIdentity(cloudId, name, baseUrl, siteUrl, null, null, null));
                    }
                    return get(baseUrl + "/rest/api/3/myself", grant, OBJECT)
                            .map(me -> new ExternalIdentity(cloudId, name, baseUrl, siteUrl, (String) me.get("accountId"),
                                    (String) me.get("emailAddress"), (String) me.get("displayName")));
                });
    }

    private Mono<ExternalIdentity> github(OAuthSettings.Provider provider, TokenGrant grant) {
        return http.get().uri(provider.apiBaseUrl() + "/user")
                .headers(h -> h.setBearerAuth(grant.accessToken()))
                .header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28")
                .retrieve().bodyToMono(OBJECT)
                .map(user -> new ExternalIdentity(String.valueOf(user.get("id")), "GitHub (" + user.get("login") + ")",
                        provider.apiBaseUrl(), null, String.valueOf(user.get("id")), (String) user.get("email"),
                        (String) (user.get("name") == null ? user.get("login") : user.get("name"))));
    }

    private Mono<ExternalIdentity> slack(OAuthSettings.Provider provider, TokenGrant grant) {
        if (!(grant.details().get("team") instanceof Map<?, ?> team) || team.get("id") == null) {
            return Mono.error(new IllegalStateException("Slack named no team"));
        }
        String userId = grant.details().get("authed_user") instanceof Map<?, ?> user && user.get("id") != null
                ? String.valueOf(user.get("id")) : null;
        String teamId = String.valueOf(team.get("id"));
        return Mono.just(new ExternalIdentity(teamId, "Slack (" + team.get("name") + ")", provider.apiBaseUrl(), null, userId,
                null, null));
    }

    private <T> Mono<T> get(String url, TokenGrant grant, ParameterizedTypeReference<T> type) {
        return get(url, grant.accessToken(), type);
    }

    private <T> Mono<T> get(String url, String accessToken, ParameterizedTypeReference<T> type) {
        return http.get().uri(url).headers(h -> h.setBearerAuth(accessToken)).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(type);
    }

    /** What a connection test learnt: connected (and as whom), or why not. */
    public record Check(boolean connected, String accountId, String email, String displayName, String problem) {
    }

    /**
     * Calls the provider with a connection's access token: Jira {@code /myself}, Confluence one page,
     * GitHub {@code /user}, Slack {@code auth.test} ({@code ok: false} is a failure). A refusal or no
     * answer is a {@link Check} too, never an error.
     */
    public Mono<Check> check(OAuthSettings.Provider provider, String baseUrl, String accessToken) {
        Mono<Check> call = switch (provider.system()) {
            case "jira" -> get(baseUrl + "/rest/api/3/myself", accessToken, OBJECT).map(me -> new Check(true,
                    (String) me.get("accountId"), (String) me.get("emailAddress"), (String) me.get("displayName"), null));
            case "confluence" -> get(baseUrl + "/wiki/api/v2/pages?limit=1", accessToken, OBJECT)
                    .map(pages -> new Check(true, null, null, null, null));
            case "github" -> get(baseUrl + "/user", accessToken, OBJECT).map(user -> new Check(true, String.valueOf(user.get("id")),
                    (String) user.get("email"), (String) (user.get("name") == null ? user.get("login") : user.get("name")), null));
            case "slack" -> http.post().uri(baseUrl + "/auth.test").headers(h -> h.setBearerAuth(accessToken))
                    .retrieve().bodyToMono(OBJECT)
                    .map(answer -> Boolean.TRUE.equals(answer.get("ok")) ? new Check(true, null, null, null, null)
                            : new Check(false, null, null, null, "Slack answered " + answer.get("error")));
            default -> Mono.just(new Check(false, null, null, null, "No test for " + provider.system()));
        };
        return call.timeout(settings.timeout())
                .onErrorResume(org.springframework.web.reactive.function.client.WebClientResponseException.class,
                        failure -> Mono.just(new Check(false, null, null, null,
                                "The provider answered HTTP " + failure.getStatusCode().value())))
                .onErrorResume(failure -> !(failure instanceof org.springframework.web.reactive.function.client.WebClientResponseException),
                        failure -> Mono.just(new Check(false, null, null, null,
                                "The provider did not answer (" + failure.getClass().getSimpleName() + ")")));
    }
}
