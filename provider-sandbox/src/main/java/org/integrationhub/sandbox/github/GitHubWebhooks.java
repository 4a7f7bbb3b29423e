package org.integrationhub.sandbox.github;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.integrationhub.sandbox.data.IssueStore;
import org.integrationhub.sandbox.data.SandboxIssue;
import org.integrationhub.sandbox.data.SandboxIssues;
import org.integrationhub.sandbox.data.SandboxPerson;
import org.integrationhub.sandbox.oauth.Provider;
import org.integrationhub.sandbox.webhooks.WebhookDelivery;
import org.integrationhub.sandbox.webhooks.WebhookSender;
import org.integrationhub.sandbox.webhooks.WebhookTarget;
import org.integrationhub.sandbox.webhooks.WebhookTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * GitHub's repository webhooks: an {@code issues} event for every change of a GitHub issue in the
 * store (opened, edited, closed, reopened, assigned, unassigned, labeled, unlabeled, deleted: one
 * event per aspect that changed, as GitHub sends them), and a {@code ping} when a hook is created.
 * Every delivery goes to each GitHub target (a target's filter is a repository, none means all) with
 * {@code X-GitHub-Event}, {@code X-GitHub-Delivery} (a GUID), {@code X-GitHub-Hook-ID} and, with a
 * secret, {@code X-Hub-Signature-256} (and the legacy SHA-1 {@code X-Hub-Signature}) over the raw
 * body: JSON, or {@code payload=<url-encoded JSON>} for form hooks. GitHub never retries; a
 * recorded delivery can be redelivered by hand, with the same GUID.
 */
@Component
class GitHubWebhooks {

    static final String STYLE = "github";
    private static final int KEPT_DELIVERIES = 10_000;
    private static final Logger log = LoggerFactory.getLogger(GitHubWebhooks.class);

    /** A hook as GitHub numbers it, over the sandbox's generic target. */
    record Hook(long id, String targetId, String contentType, String repo, Instant createdAt) {

        boolean form() {
            return "form".equals(contentType);
        }
    }

    /** A delivery kept for redelivery and for inspection. */
    record Recorded(String deliveryId, long hookId, String event, String action, String url, Instant deliveredAt,
            WebhookDelivery delivery) {
    }

    private record Event(String action, Map<String, Object> extra) {
    }

    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final GitHubApp app;
    private final JsonMapper mapper;
    private final Environment environment;
    private final Clock clock;
    private final AtomicLong hookIds = new AtomicLong(500_000_000L);
    private final Map<String, Hook> hooks = new ConcurrentHashMap<>();
    private final Map<String, Recorded> deliveries = new ConcurrentHashMap<>();
    private final Deque<String> deliveryOrder = new ConcurrentLinkedDeque<>();

    GitHubWebhooks(IssueStore store, WebhookTargets targets, WebhookSender sender, GitHubApp app, JsonMapper mapper,
            Environment environment, Clock clock) {
        this.targets = targets;
        this.sender = sender;
        this.app = app;
        this.mapper = mapper;
        this.environment = environment;
        this.clock = clock;
        store.onChange(this::publish);
    }

    /** Registers a hook and pings it, as creating a hook on GitHub does. */
    Hook register(String url, String secret, String repo, String contentType) {
        WebhookTarget target = targets.register(Provider.GITHUB, url, secret, STYLE, repo);
        Hook hook = new Hook(hookIds.incrementAndGet(), target.id(), contentType, repo, clock.instant());
        hooks.put(target.id(), hook);
        Map<String, Object> payload = new LinkedHashMap<>();
        GitHubJson.Urls urls = urls();
        payload.put("zen", "Keep it logically awesome.");
        payload.put("hook_id", hook.id());
        payload.put("hook", hookJson(hook, url, urls));
        if (repo != null) {
            payload.put("repository", GitHubJson.repository(repo, app.repoIndex(repo), urls));
        }
        payload.put("sender", GitHubJson.user(app.people().get(0), urls));
        deliver(target, hook, "ping", null, repo, payload);
        return hook;
    }

    boolean unregister(long hookId) {
        return hooks.values().stream().filter(hook -> hook.id() == hookId).findFirst()
                .map(hook -> {
                    hooks.remove(hook.targetId());
                    return targets.remove(hook.targetId());
                }).orElse(false);
    }

    /** Sends a recorded delivery again, with the same {@code X-GitHub-Delivery}. */
    Optional<Recorded> redeliver(String deliveryId) {
        Recorded recorded = deliveries.get(deliveryId);
        if (recorded == null) {
            return Optional.empty();
        }
        sender.send(recorded.delivery());
        return Optional.of(recorded);
    }

    List<Recorded> deliveries() {
        List<Recorded> list = new ArrayList<>();
        for (String id : deliveryOrder) {
            Recorded recorded = deliveries.get(id);
            if (recorded != null) {
                list.add(recorded);
            }
        }
        return list;
    }

    void publish(IssueStore.Change change) {
        SandboxIssue after = change.after();
        if (after == null || after.kind() != SandboxIssues.Kind.GITHUB) {
            return;
        }
        List<WebhookTarget> interested = targets.of(Provider.GITHUB).stream()
                .filter(target -> target.filter() == null || target.filter().isBlank()
                        || target.filter().equalsIgnoreCase(after.container()))
                .toList();
        if (interested.isEmpty()) {
            return;
        }
        GitHubJson.Urls urls = urls();
        SandboxIssue shown = "deleted".equals(change.type()) && change.before() != null ? change.before() : after;
        for (Event event : events(change, urls)) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("action", event.action());
            payload.put("issue", GitHubJson.issue(shown, urls));
            payload.putAll(event.extra());
            payload.put("repository", GitHubJson.repository(after.container(), app.repoIndex(after.container()), urls));
            payload.put("sender", GitHubJson.user(app.people().get(0), urls));
            for (WebhookTarget target : interested) {
                try {
                    deliver(target, hook(target), "issues", event.action(), after.container(), payload);
                } catch (RuntimeException e) {
                    log.warn("Could not push issues.{} for {} to {}", event.action(), after.key(), target, e);
                }
            }
        }
    }

    /** The events GitHub sends for one change: one per aspect that changed. */
    private static List<Event> events(IssueStore.Change change, GitHubJson.Urls urls) {
        SandboxIssue before = change.before();
        SandboxIssue after = change.after();
        List<Event> events = new ArrayList<>();
        if ("created".equals(change.type()) || before == null) {
            events.add(new Event("opened", Map.of()));
            if (after.assignee() != null) {
                events.add(new Event("assigned", Map.of("assignee", GitHubJson.user(after.assignee(), urls))));
            }
            return events;
        }
        if ("deleted".equals(change.type()) || after.deleted()) {
            events.add(new Event("deleted", Map.of()));
            return events;
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!Objects.equals(before.title(), after.title())) {
            changes.put("title", from(before.title()));
        }
        if (!Objects.equals(before.description(), after.description())) {
            changes.put("body", from(before.description() == null ? "" : before.description()));
        }
        if (!changes.isEmpty()) {
            events.add(new Event("edited", Map.of("changes", changes)));
        }
        if (before.open() && !after.open()) {
            events.add(new Event("closed", Map.of()));
        } else if (!before.open() && after.open()) {
            events.add(new Event("reopened", Map.of()));
        }
        String was = login(before.assignee());
        String is = login(after.assignee());
        if (was != null && !was.equals(is)) {
            events.add(new Event("unassigned", Map.of("assignee", GitHubJson.user(before.assignee(), urls))));
        }
        if (is != null && !is.equals(was)) {
            events.add(new Event("assigned", Map.of("assignee", GitHubJson.user(after.assignee(), urls))));
        }
        for (String label : after.labels()) {
            if (!before.labels().contains(label)) {
                events.add(new Event("labeled", Map.of("label", GitHubJson.label(label, after.container(), urls))));
            }
        }
        for (String label : before.labels()) {
            if (!after.labels().contains(label)) {
                events.add(new Event("unlabeled", Map.of("label", GitHubJson.label(label, after.container(), urls))));
            }
        }
        return events;
    }

    private static Map<String, Object> from(String value) {
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("from", value);
        return from;
    }

    private static String login(SandboxPerson person) {
        return person == null ? null : person.githubLogin();
    }

    private void deliver(WebhookTarget target, Hook hook, String event, String action, String repo, Map<String, Object> payload) {
        byte[] json = mapper.writeValueAsBytes(payload);
        byte[] body = hook.form()
                ? ("payload=" + URLEncoder.encode(new String(json, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)
                : json;
        String deliveryId = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-GitHub-Event", event);
        headers.put("X-GitHub-Delivery", deliveryId);
        headers.put("X-GitHub-Hook-ID", String.valueOf(hook.id()));
        if (repo != null) {
            headers.put("X-GitHub-Hook-Installation-Target-Type", "repository");
            headers.put("X-GitHub-Hook-Installation-Target-ID", String.valueOf(GitHubJson.repositoryId(app.repoIndex(repo))));
        }
        if (target.secret() != null && !target.secret().isEmpty()) {
            headers.put("X-Hub-Signature", GitHubSignature.sha1(target.secret(), body));
            headers.put("X-Hub-Signature-256", GitHubSignature.sha256(target.secret(), body));
        }
        WebhookDelivery delivery = new WebhookDelivery(Provider.GITHUB, deliveryId, target.url(),
                hook.form() ? "application/x-www-form-urlencoded" : "application/json", Map.copyOf(headers), body, 0,
                WebhookSender::noRetryHeaders);
        record(new Recorded(deliveryId, hook.id(), event, action, target.url(), clock.instant(), delivery));
        sender.send(delivery);
    }

    private void record(Recorded recorded) {
        deliveries.put(recorded.deliveryId(), recorded);
        deliveryOrder.addLast(recorded.deliveryId());
        while (deliveryOrder.size() > KEPT_DELIVERIES) {
            String oldest = deliveryOrder.pollFirst();
            if (oldest != null) {
                deliveries.remove(oldest);
            }
        }
    }

    /** The hook of a target; targets registered straight in {@link WebhookTargets} get a JSON hook on first use. */
    private Hook hook(WebhookTarget target) {
        return hooks.computeIfAbsent(target.id(),
                id -> new Hook(hookIds.incrementAndGet(), id, "json", target.filter(), clock.instant()));
    }

    private Map<String, Object> hookJson(Hook hook, String url, GitHubJson.Urls urls) {
        String self = urls.api() + (hook.repo() == null ? "" : "/repos/" + hook.repo()) + "/hooks/" + hook.id();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("content_type", hook.form() ? "form" : "json");
        config.put("insecure_ssl", "0");
        config.put("url", url);
        Map<String, Object> lastResponse = new LinkedHashMap<>();
        lastResponse.put("code", null);
        lastResponse.put("status", "unused");
        lastResponse.put("message", null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Repository");
        json.put("id", hook.id());
        json.put("name", "web");
        json.put("active", true);
        json.put("events", List.of("issues"));
        json.put("config", config);
        json.put("updated_at", GitHubJson.timestamp(hook.createdAt()));
        json.put("created_at", GitHubJson.timestamp(hook.createdAt()));
        json.put("url", self);
        json.put("test_url", self + "/test");
        json.put("ping_url", self + "/pings");
        json.put("deliveries_url", self + "/deliveries");
        json.put("last_response", lastResponse);
        return json;
    }

    /** Webhooks have no request to take a host from: the sandbox's own port on localhost. */
    private GitHubJson.Urls urls() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8090"));
        return GitHubJson.Urls.of("http://localhost:" + port);
    }
}
