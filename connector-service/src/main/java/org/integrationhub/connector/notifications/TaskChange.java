package org.integrationhub.connector.notifications;

import java.util.UUID;
import org.integrationhub.events.ExternalTaskUpdated;
import org.integrationhub.events.OrgId;

/** One taken notification waiting in a connection's buffer: the event's id, its organisation, the change. */
record TaskChange(UUID eventId, OrgId orgId, ExternalTaskUpdated task) {
}
