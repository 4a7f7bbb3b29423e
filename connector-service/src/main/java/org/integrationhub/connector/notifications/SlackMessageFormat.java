package org.integrationhub.connector.notifications;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.integrationhub.connector.connections.SlackBotTokens.SourceSite;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.ExternalTaskUpdated;

/**
 * Block Kit for task changes: one change as a section with the task key and title linking to the
 * provider, the change (old → new status, the assignee) and a context line with the system and
 * how the change arrived; a burst as one summary with counts per kind of change and the first few.
 * Text from providers is escaped for Slack's mrkdwn ({@code &}, {@code <}, {@code >}).
 */
final class SlackMessageFormat {

    private SlackMessageFormat() {
    }

    static SlackMessage single(TaskChange change, SourceSite site) {
        ExternalTaskUpdated task = change.task();
        String headline = headline(task, site);
        StringBuilder body = new StringBuilder(headline).append('\n').append(what(task));
        if (task.assignee() != null && task.change() != ExternalTaskUpdated.Change.DELETED) {
            body.append("\nAssignee: ").append(escape(name(task)));
        }
        String context = task.system().wireName() + " · " + task.change().wireName() + " via " + task.source().wireName();
        return new SlackMessage(plain(task) + ": " + plainWhat(task), List.of(
                section(body.toString()),
                Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", escape(context))))));
    }

    static SlackMessage summary(List<TaskChange> changes, Map<org.integrationhub.events.ConnectionId, SourceSite> sites, int items) {
        Map<NotificationRules.ChangeKind, Integer> counts = new EnumMap<>(NotificationRules.ChangeKind.class);
        for (TaskChange change : changes) {
            change.kinds().forEach(kind -> counts.merge(kind, 1, Integer::sum));
        }
        StringBuilder countLine = new StringBuilder();
        counts.forEach((kind, count) -> countLine.append(countLine.isEmpty() ? "" : " · ")
                .append(kind.wireName().replace('_', ' ')).append(": ").append(count));
        StringBuilder list = new StringBuilder();
        changes.stream().limit(items).forEach(change -> list.append("• ")
                .append(headline(change.task(), sites.get(change.task().connectionId()))).append(" — ")
                .append(what(change.task())).append('\n'));
        if (changes.size() > items) {
            list.append("…and ").append(changes.size() - items).append(" more");
        }
        String title = changes.size() + " task changes";
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", title)));
        blocks.add(section(countLine.toString()));
        blocks.add(section(list.toString().strip()));
        return new SlackMessage(title + " (" + countLine + ")", blocks);
    }

    static SlackMessage test() {
        String text = "Integration hub notifications are set up for this channel.";
        return new SlackMessage(text, List.of(section(":white_check_mark: " + text)));
    }

    private static Map<String, Object> section(String mrkdwn) {
        // a section's text holds at most 3000 characters
        String text = mrkdwn.length() > 2900 ? mrkdwn.substring(0, 2900) + "…" : mrkdwn;
        return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text));
    }

    private static String headline(ExternalTaskUpdated task, SourceSite site) {
        String url = site == null ? null : url(task, site);
        String label = escape(plain(task));
        return url == null ? "*" + label + "*" : "*<" + url + "|" + label.replace("|", "¦") + ">*";
    }

    private static String plain(ExternalTaskUpdated task) {
        String key = task.key() != null ? task.key() : task.externalId();
        return task.title() == null ? key : key + " " + task.title();
    }

    private static String what(ExternalTaskUpdated task) {
        return switch (task.change()) {
            case CREATED -> "Created" + (task.status() == null ? "" : " in *" + escape(task.status()) + "*");
            case DELETED -> "Deleted";
            case UPDATED -> task.previousStatus() != null && task.status() != null && !task.previousStatus().equals(task.status())
                    ? "Status: " + escape(task.previousStatus()) + " → *" + escape(task.status()) + "*"
                    : "Updated" + (task.status() == null ? "" : " (" + escape(task.status()) + ")");
        };
    }

    private static String plainWhat(ExternalTaskUpdated task) {
        return what(task).replace("*", "");
    }

    private static String name(ExternalTaskUpdated task) {
        var person = task.assignee();
        return person.displayName() != null ? person.displayName() : person.email() != null ? person.email() : person.externalUserId();
    }

    /**
     * The task at the provider, built from the source connection (ExternalTaskUpdated carries no URL):
     * Jira {@code <site>/browse/<key>}; GitHub {@code https://github.com/<owner/repo>/issues/<n>} for
     * github.com connections; null when unknown (the key is shown without a link).
     */
    static String url(ExternalTaskUpdated task, SourceSite site) {
        if (site.siteUrl() == null) {
            return null;
        }
        String base = site.siteUrl().endsWith("/") ? site.siteUrl().substring(0, site.siteUrl().length() - 1) : site.siteUrl();
        if (task.system() == ExternalSystem.JIRA && task.key() != null) {
            return base + "/browse/" + task.key();
        }
        if (task.system() == ExternalSystem.GITHUB && base.equals("https://api.github.com") && task.externalId().contains("#")) {
            String[] parts = task.externalId().split("#", 2);
            return "https://github.com/" + parts[0] + "/issues/" + parts[1];
        }
        return null;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
