package org.integrationhub.connector.notifications;

import java.util.Set;
import java.util.UUID;
import org.integrationhub.events.ExternalTaskUpdated;
import org.integrationhub.events.OrgId;

/** One taken notification waiting in a connection's buffer: the event's id, its organisation, the change and its kinds. */
record TaskChange(UUID eventId, OrgId orgId, ExternalTaskUpdated task, Set<NotificationRules.ChangeKind> kinds) {

    /** A change whose kinds are read from the event alone. */
    TaskChange(UUID eventId, OrgId orgId, ExternalTaskUpdated task) {
        this(eventId, orgId, task, NotificationRules.kindsOf(task));
    }
}
