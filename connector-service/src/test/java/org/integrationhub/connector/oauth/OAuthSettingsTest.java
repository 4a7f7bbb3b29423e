package org.integrationhub.connector.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The catalogue as shipped: real providers by default (offered once credentials are set), the sandbox's apps on the devstack. */
class OAuthSettingsTest {

    private static OAuthSettings bind(String... files) throws IOException {
        return bind(java.util.Map.of(), files);
    }

    /** The files as Boot reads them, placeholders resolved, below {@code overrides} (what the environment would set). */
    private static OAuthSettings bind(java.util.Map<String, Object> overrides, String... files) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new org.springframework.core.env.MapPropertySource("overrides", overrides));
        List<PropertySource<?>> loaded = new ArrayList<>();
        for (String file : files) {
            loaded.addAll(new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
        }
        for (int i = loaded.size() - 1; i >= 0; i--) {
            sources.addLast(loaded.get(i));
        }
        return new Binder(ConfigurationPropertySources.from(sources),
                new org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver(sources)).bind("hub.connector.oauth", OAuthSettings.class).get();
    }

    @Test
    void byDefaultTheRealProvidersAreDescribedButNoneIsOffered() throws IOException {
        OAuthSettings settings = bind("application.yml");
        assertThat(settings.providers()).containsOnlyKeys("jira", "confluence", "github", "slack");
        assertThat(settings.providers().values()).noneMatch(OAuthSettings.Provider::configured);
        OAuthSettings.Provider jira = settings.providers().get("jira");
        assertThat(jira.authorizeParameters()).containsEntry("audience", "api.atlassian.com").containsEntry("prompt", "consent");
        assertThat(jira.tokenUri()).isEqualTo("https://auth.atlassian.com/oauth/token");
        assertThat(jira.refresh()).isEqualTo(OAuthSettings.RefreshBehaviour.ROTATING);
        assertThat(jira.tokenRequestBody()).isEqualTo(OAuthSettings.TokenRequestBody.JSON);
        assertThat(settings.providers().get("github").tokenRequestBody()).isEqualTo(OAuthSettings.TokenRequestBody.FORM);
        assertThat(settings.providers().get("github").tokenRequestHeaders()).containsEntry("Accept", "application/json");
        assertThat(settings.providers().get("slack").tokenResponse()).isEqualTo(OAuthSettings.TokenResponseFormat.SLACK);
        assertThat(settings.providers().get("slack").revocation()).isEqualTo(OAuthSettings.Revocation.SLACK_AUTH_REVOKE);
        assertThat(settings.stateLifetime()).hasMinutes(10);
    }

    @Test
    void theDevstackOffersAllFourAgainstTheSandbox() throws IOException {
        OAuthSettings settings = bind("application.yml", "application-devstack.yml");
        assertThat(settings.providers().values()).allMatch(OAuthSettings.Provider::configured)
                .allSatisfy(provider -> {
                    assertThat(provider.tokenUri()).startsWith("http://localhost:8090/");
                    assertThat(provider.redirectUri()).as("through the gateway").isEqualTo("http://localhost:8080/api/oauth/callback/" + provider.system());
                    assertThat(provider.pkce()).isTrue();
                });
        assertThat(settings.providers().get("confluence").scopes()).contains("read:page:confluence", "offline_access");
        assertThat(settings.providers().get("github").revocationUri())
                .isEqualTo("http://localhost:8090/github/api/applications/{clientId}/grant");
    }

    @Test
    void theDevstackLauncherMovesEveryProviderAndCallbackWithOneAddressEach() throws IOException {
        OAuthSettings settings = bind(java.util.Map.of("hub.devstack.sandbox-url", "http://localhost:41234",
                "hub.devstack.public-url", "http://localhost:42345"), "application.yml", "application-devstack.yml");
        assertThat(settings.providers().values()).allSatisfy(provider -> {
            assertThat(provider.authorizationUri()).startsWith("http://localhost:41234/");
            assertThat(provider.tokenUri()).startsWith("http://localhost:41234/");
            assertThat(provider.apiBaseUrl()).startsWith("http://localhost:41234/");
            assertThat(provider.redirectUri()).isEqualTo("http://localhost:42345/api/oauth/callback/" + provider.system());
        });
        assertThat(settings.uiRedirectUrl()).isEqualTo("http://localhost:42345/ui/integrations");
        assertThat(settings.jiraWebhooks().urlTemplate()).isEqualTo("http://localhost:42345/webhooks/jira/{connectionId}");
    }

    @Test
    void onlyProvidersWithAnOAuthAppAreOfferedByTheirNames() throws IOException {
        assertThat(new OAuthCatalogue(bind("application.yml")).offered()).isEmpty();
        assertThat(new OAuthCatalogue(bind(java.util.Map.of("hub.connector.oauth.providers.github.client-id", "an-app",
                "hub.connector.oauth.providers.github.client-secret", "its-secret"), "application.yml")).offered())
                .containsExactly(new OAuthCatalogue.Offered("github", "GitHub"));
        assertThat(new OAuthCatalogue(bind("application.yml", "application-devstack.yml")).offered())
                .extracting(OAuthCatalogue.Offered::name).containsExactly("Confluence", "GitHub", "Jira", "Slack");
    }
}
