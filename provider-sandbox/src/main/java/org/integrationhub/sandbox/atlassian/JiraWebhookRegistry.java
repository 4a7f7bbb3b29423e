package org.integrationhub.sandbox.atlassian;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.integrationhub.sandbox.oauth.Provider;
import org.integrationhub.sandbox.webhooks.WebhookTarget;
import org.integrationhub.sandbox.webhooks.WebhookTargets;
import org.springframework.stereotype.Component;

/**
 * What Jira knows about each webhook beyond its {@link WebhookTarget}: the events it wants, and
 * for webhooks an OAuth app registered, their numeric id, owner and expiry (30 days, extended by
 * a refresh). Expired ones are no longer sent and disappear.
 */
@Component
class JiraWebhookRegistry {

    static final Duration LIFETIME = Duration.ofDays(30);
    static final List<String> ISSUE_EVENTS = List.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted");
    static final List<String> SUPPORTED_EVENTS = List.of("jira:issue_created", "jira:issue_updated", "jira:issue_deleted",
            "comment_created", "comment_updated", "comment_deleted", "issue_property_set", "issue_property_deleted");

    /** {@code webhookId} and {@code expiresAt} are null for admin webhooks. */
    record Registration(String targetId, Long webhookId, String clientId, String url, List<String> events, String jqlFilter,
            Instant expiresAt) {

        boolean dynamic() {
            return webhookId != null;
        }
    }

    private final WebhookTargets targets;
    private final AtlassianApp app;
    private final Clock clock;
    private final Map<String, Registration> byTarget = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(10_000);

    JiraWebhookRegistry(WebhookTargets targets, AtlassianApp app, Clock clock) {
        this.targets = targets;
        this.app = app;
        this.clock = clock;
    }

    Registration registerDynamic(String clientId, String url, List<String> events, String jqlFilter) {
        WebhookTarget target = targets.register(Provider.ATLASSIAN, url, app.clientSecret(), "oauth", jqlFilter);
        Registration registration = new Registration(target.id(), nextId.getAndIncrement(), clientId, url, List.copyOf(events), jqlFilter,
                clock.instant().plus(LIFETIME));
        byTarget.put(target.id(), registration);
        return registration;
    }

    Registration registerAdmin(String url, String secret, List<String> events, String jqlFilter) {
        WebhookTarget target = targets.register(Provider.ATLASSIAN, url, secret, "admin", jqlFilter);
        Registration registration = new Registration(target.id(), null, null, url, List.copyOf(events), jqlFilter, null);
        byTarget.put(target.id(), registration);
        return registration;
    }

    /** The registration behind a target, if this package made it and it is still alive. */
    Optional<Registration> of(String targetId) {
        expire();
        return Optional.ofNullable(byTarget.get(targetId));
    }

    /** The live webhooks an OAuth app registered, oldest first. */
    List<Registration> dynamicOf(String clientId) {
        expire();
        return byTarget.values().stream().filter(r -> r.dynamic() && r.clientId().equals(clientId))
                .sorted(Comparator.comparing(Registration::webhookId)).toList();
    }

    /** Extends the app's given webhooks by 30 days from now; returns the new expiry. */
    synchronized Instant refresh(String clientId, Collection<Long> webhookIds) {
        Instant expiresAt = clock.instant().plus(LIFETIME);
        dynamicOf(clientId).stream().filter(r -> webhookIds.contains(r.webhookId())).forEach(r -> byTarget.put(r.targetId(),
                new Registration(r.targetId(), r.webhookId(), r.clientId(), r.url(), r.events(), r.jqlFilter(), expiresAt)));
        return expiresAt;
    }

    /** Removes the app's given webhooks; ids of other apps or unknown ids are ignored, as at Jira. */
    void deleteDynamic(String clientId, Collection<Long> webhookIds) {
        dynamicOf(clientId).stream().filter(r -> webhookIds.contains(r.webhookId())).forEach(r -> remove(r.targetId()));
    }

    boolean deleteAdmin(String targetId) {
        Registration registration = byTarget.get(targetId);
        if (registration != null && registration.dynamic()) {
            return false;
        }
        boolean known = targets.find(targetId).filter(t -> t.provider() == Provider.ATLASSIAN).isPresent();
        remove(targetId);
        return known;
    }

    /** Forgets every Atlassian webhook, admin and dynamic. */
    void clear() {
        targets.of(Provider.ATLASSIAN).forEach(target -> remove(target.id()));
        byTarget.keySet().forEach(this::remove);
    }

    private void remove(String targetId) {
        byTarget.remove(targetId);
        targets.remove(targetId);
    }

    private void expire() {
        Instant now = clock.instant();
        byTarget.values().stream()
                .filter(r -> r.expiresAt() != null && !r.expiresAt().isAfter(now) || targets.find(r.targetId()).isEmpty())
                .map(Registration::targetId).toList().forEach(this::remove);
    }
}
