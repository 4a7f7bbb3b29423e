package org.integrationhub.sync.normalise;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.integrationhub.events.TaskObserved;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The normaliser's configurable mapping rules ({@code hub.sync.normalise.*}), applied alike to
 * webhook deliveries and polled items so both paths agree on a task's content.
 * {@code status-categories} maps a provider status name (case-insensitive) to the status category
 * the hub shows, overriding what the provider says (a Jira workflow's custom status in the wrong
 * category, say). Changing a rule changes the content hash of the tasks it touches; a
 * re-normalisation replay (ADR 0017) brings the stored tasks up to date.
 */
@ConfigurationProperties("hub.sync.normalise")
public record NormaliseSettings(Map<String, String> statusCategories) {

    public NormaliseSettings {
        statusCategories = statusCategories == null ? Map.of()
                : statusCategories.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                        e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    }

    /** No rules: the provider's own categories. */
    public static NormaliseSettings none() {
        return new NormaliseSettings(Map.of());
    }

    /** The observation with the rules applied; tombstones and unmatched statuses are left as they are. */
    public TaskObserved applyTo(TaskObserved o) {
        String category = o.status() == null ? null : statusCategories.get(o.status().toLowerCase(Locale.ROOT));
        if (category == null || category.equals(o.statusCategory())) {
            return o;
        }
        return new TaskObserved(o.connectionId(), o.system(), o.externalId(), o.key(), o.title(), o.status(), category, o.kind(),
                o.assignee(), o.projectKey(), o.labels(), o.url(), o.sourceCreatedAt(), o.sourceUpdatedAt(), o.deleted(), o.source(),
                o.rawPayload());
    }
}
