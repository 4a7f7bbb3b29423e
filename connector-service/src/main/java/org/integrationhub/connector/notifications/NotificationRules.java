package org.integrationhub.connector.notifications;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.ExternalTaskUpdated;

/**
 * Where a Slack connection posts and which task changes it posts: {@code systems} (empty: every
 * one), {@code projects} (Jira project keys, GitHub {@code owner/repo}; empty: every one) and
 * {@code changes} (at least one). A change matches when it is of a watched system and project and
 * any of its kinds is watched.
 */
record NotificationRules(String channel, boolean enabled, List<ExternalSystem> systems, List<String> projects,
        Set<ChangeKind> changes) {

    /** The kinds of change one can watch; {@code assigned}: the assignee maps to a person of the organisation. */
    enum ChangeKind {
        CREATED, STATUS_CHANGED, ASSIGNED, DELETED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static ChangeKind fromWireName(String wireName) {
            return valueOf(wireName.toUpperCase(Locale.ROOT));
        }
    }

    NotificationRules {
        Objects.requireNonNull(channel, "channel is required");
        systems = List.copyOf(systems);
        projects = List.copyOf(projects);
        changes = changes.isEmpty() ? EnumSet.noneOf(ChangeKind.class) : EnumSet.copyOf(changes);
    }

    /** Without the task's history: any mapped assignee counts as assigned. */
    boolean matches(ExternalTaskUpdated task) {
        return matches(task, kindsOf(task));
    }

    boolean matches(ExternalTaskUpdated task, Set<ChangeKind> kinds) {
        if (!enabled || (!systems.isEmpty() && !systems.contains(task.system()))) {
            return false;
        }
        if (!projects.isEmpty() && !projects.contains(projectOf(task))) {
            return false;
        }
        return kinds.stream().anyMatch(changes::contains);
    }

    /** The kinds, with {@code assigned} only when the assignee is new ({@link TaskAssignees}). */
    static Set<ChangeKind> kindsOf(ExternalTaskUpdated task, boolean newlyAssigned) {
        Set<ChangeKind> kinds = kindsOf(task);
        if (!newlyAssigned) {
            kinds.remove(ChangeKind.ASSIGNED);
        }
        return kinds;
    }

    /** What the change is: a creation, a deletion, or an update that moved the status and/or has a mapped assignee. */
    static Set<ChangeKind> kindsOf(ExternalTaskUpdated task) {
        Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
        switch (task.change()) {
            case CREATED -> kinds.add(ChangeKind.CREATED);
            case DELETED -> kinds.add(ChangeKind.DELETED);
            case UPDATED -> {
                if (task.previousStatus() != null && task.status() != null && !task.previousStatus().equals(task.status())) {
                    kinds.add(ChangeKind.STATUS_CHANGED);
                }
            }
        }
        if (task.change() != ExternalTaskUpdated.Change.DELETED && task.resourceId() != null) {
            kinds.add(ChangeKind.ASSIGNED);
        }
        return kinds;
    }

    /** The Jira project ({@code PROJ} of {@code PROJ-12}) or GitHub repository ({@code owner/repo} of {@code owner/repo#12}). */
    static String projectOf(ExternalTaskUpdated task) {
        if (task.system() == ExternalSystem.GITHUB) {
            int hash = task.externalId().indexOf('#');
            return hash < 0 ? task.externalId() : task.externalId().substring(0, hash);
        }
        String key = task.key() == null ? "" : task.key();
        int dash = key.lastIndexOf('-');
        return dash < 0 ? key : key.substring(0, dash);
    }
}
