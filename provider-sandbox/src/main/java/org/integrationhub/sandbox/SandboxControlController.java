package org.integrationhub.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.integrationhub.sandbox.data.IssueStore;
import org.integrationhub.sandbox.faults.FaultPlan;
import org.integrationhub.sandbox.faults.Faults;
import org.integrationhub.sandbox.oauth.OAuthServer;
import org.integrationhub.sandbox.oauth.Provider;
import org.integrationhub.sandbox.webhooks.WebhookAttempt;
import org.integrationhub.sandbox.webhooks.WebhookSender;
import org.integrationhub.sandbox.webhooks.WebhookTargets;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /sandbox/**}: knobs for tests and benchmarks (faults, token states, webhook behaviour,
 * counters). {@code POST /sandbox/reset} clears faults, changed issues, webhook targets and attempts.
 */
@RestController
@RequestMapping("/sandbox")
class SandboxControlController {

    private final Faults faults;
    private final OAuthServer oauth;
    private final IssueStore issues;
    private final WebhookSender webhooks;
    private final WebhookTargets targets;

    SandboxControlController(Faults faults, OAuthServer oauth, IssueStore issues, WebhookSender webhooks, WebhookTargets targets) {
        this.faults = faults;
        this.oauth = oauth;
        this.issues = issues;
        this.webhooks = webhooks;
        this.targets = targets;
    }

    /** How webhook deliveries behave; every field optional. */
    record WebhookBehaviour(Long timeoutMillis, Long retryBackoffMillis, Boolean duplicates, Boolean outOfOrder) {
    }

    @PostMapping("/webhooks/behaviour")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void webhookBehaviour(@RequestBody WebhookBehaviour behaviour) {
        webhooks.configure(Duration.ofMillis(behaviour.timeoutMillis() == null ? 10_000 : behaviour.timeoutMillis()),
                Duration.ofMillis(behaviour.retryBackoffMillis() == null ? 200 : behaviour.retryBackoffMillis()),
                Boolean.TRUE.equals(behaviour.duplicates()), Boolean.TRUE.equals(behaviour.outOfOrder()));
    }

    @GetMapping("/webhooks/attempts")
    java.util.List<WebhookAttempt> webhookAttempts() {
        return webhooks.attempts();
    }

    /** Every field optional; absent means "not this fault". */
    record FaultRequest(Integer rateLimitOnCall, Integer retryAfterSeconds, Integer serverErrors, Integer serverErrorStatus,
            Long latencyMillis) {

        FaultPlan toPlan() {
            return new FaultPlan(orZero(rateLimitOnCall), orZero(retryAfterSeconds), orZero(serverErrors), orZero(serverErrorStatus),
                    Duration.ofMillis(latencyMillis == null ? 0 : latencyMillis));
        }

        private static int orZero(Integer value) {
            return value == null ? 0 : value;
        }
    }

    @PostMapping("/faults/{provider}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setFaults(@PathVariable String provider, @RequestBody FaultRequest request) {
        faults.set(provider(provider), request.toPlan());
    }

    @DeleteMapping("/faults")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearFaults() {
        faults.clear();
    }

    @PostMapping("/oauth/{provider}/expire-access-tokens")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void expireAccessTokens(@PathVariable String provider) {
        oauth.expireAccessTokensNow(provider(provider));
    }

    @PostMapping("/oauth/{provider}/revoke-refresh-tokens")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeRefreshTokens(@PathVariable String provider) {
        oauth.revokeRefreshTokens(provider(provider));
    }

    @GetMapping("/oauth/{provider}/refresh-count")
    Map<String, Integer> refreshCount(@PathVariable String provider) {
        return Map.of("refreshes", oauth.refreshCount(provider(provider)));
    }

    @PostMapping("/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset() {
        faults.clear();
        issues.reset();
        webhooks.reset();
        targets.clear();
    }

    static Provider provider(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "atlassian", "jira", "confluence" -> Provider.ATLASSIAN;
            case "github" -> Provider.GITHUB;
            case "slack" -> Provider.SLACK;
            default -> throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown provider " + name);
        };
    }
}
