package org.integrationhub.sandbox.atlassian;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which fields a Jira answer carries: the {@code fields} parameter as comma lists and/or repeated
 * values. {@code *all} and {@code *navigable} mean every field, {@code -name} removes one,
 * unknown names are ignored. Without the parameter, the enhanced search answers ids only and the
 * issue endpoint every field.
 */
record JiraFields(boolean idOnly, Set<String> selected) {

    static final List<String> ALL = List.of("summary", "description", "status", "assignee", "reporter", "priority", "issuetype",
            "project", "labels", "created", "updated");

    static JiraFields all() {
        return new JiraFields(false, new LinkedHashSet<>(ALL));
    }

    static JiraFields parse(Collection<String> raw, boolean defaultAll) {
        List<String> names = raw == null ? List.of()
                : raw.stream().filter(v -> v != null).flatMap(v -> List.of(v.split(",")).stream()).map(String::trim)
                        .filter(v -> !v.isEmpty()).toList();
        if (names.isEmpty()) {
            return defaultAll ? all() : new JiraFields(true, Set.of());
        }
        Set<String> selected = new LinkedHashSet<>();
        boolean beyondId = false;
        for (String name : names) {
            if (name.equals("*all") || name.equals("*navigable")) {
                selected.addAll(ALL);
                beyondId = true;
            } else if (name.equals("key")) {
                beyondId = true;
            } else if (ALL.contains(name)) {
                selected.add(name);
                beyondId = true;
            } else if (!name.startsWith("-") && !name.equals("id")) {
                beyondId = true;
            }
        }
        names.stream().filter(n -> n.startsWith("-")).map(n -> n.substring(1)).forEach(selected::remove);
        return new JiraFields(!beyondId, selected);
    }

    boolean wants(String field) {
        return selected.contains(field);
    }
}
