package org.integrationhub.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.integrationhub.sandbox.data.IssueStore;
import org.integrationhub.sandbox.faults.Faults;
import org.integrationhub.sandbox.oauth.OAuthServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox embedded in another JVM (tests, the devstack, benchmarks): {@code start(0)} picks a
 * free port. Base URLs of the hosts it plays are under {@link #baseUrl()}:
 * {@code /atlassian/auth} (auth.atlassian.com), {@code /atlassian/api} (api.atlassian.com),
 * {@code /atlassian/site/{site}} (SITE.atlassian.net), {@code /github/web} (github.com),
 * {@code /github/api} (api.github.com), {@code /slack} (slack.com).
 */
public final class ProviderSandbox implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ProviderSandbox(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static SpringApplication application() {
        return ProviderSandboxApplication.withOwnConfiguration(new SpringApplication(ProviderSandboxApplication.class));
    }

    /** Starts a sandbox on {@code port} (0: a free one) with extra {@code key=value} properties. */
    public static ProviderSandbox start(int port, String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new ProviderSandbox(application().run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public OAuthServer oauth() {
        return context.getBean(OAuthServer.class);
    }

    public IssueStore issues() {
        return context.getBean(IssueStore.class);
    }

    public Faults faults() {
        return context.getBean(Faults.class);
    }

    public SandboxSettings settings() {
        return context.getBean(SandboxSettings.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
