package org.integrationhub.connector.notifications;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for the notification settings of Slack connections. */
@Repository
class NotificationRuleRepository {

    /** The rules of one Slack connection that can post (active or error, enabled). */
    record ActiveRules(ConnectionId connectionId, NotificationRules rules) {
    }

    private final DatabaseClient db;

    NotificationRuleRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<NotificationRules> find(ConnectionId id) {
        return db.sql("select * from slack_notification_settings where connection_id = :id").bind("id", id.value())
                .map((row, meta) -> rules(row)).one();
    }

    Mono<NotificationRules> save(OrgId org, ConnectionId id, NotificationRules rules, Instant now) {
        return db.sql("""
                insert into slack_notification_settings (connection_id, organisation_id, channel, enabled, systems, projects, changes, updated_at)
                values (:id, :org, :channel, :enabled, :systems, :projects, :changes, :now)
                on conflict (connection_id) do update set channel = excluded.channel, enabled = excluded.enabled,
                    systems = excluded.systems, projects = excluded.projects, changes = excluded.changes, updated_at = excluded.updated_at
                returning *""")
                .bind("id", id.value()).bind("org", org.value()).bind("channel", rules.channel()).bind("enabled", rules.enabled())
                .bind("systems", rules.systems().stream().map(ExternalSystem::wireName).toArray(String[]::new))
                .bind("projects", rules.projects().toArray(String[]::new))
                .bind("changes", rules.changes().stream().map(NotificationRules.ChangeKind::wireName).toArray(String[]::new))
                .bind("now", now)
                .map((row, meta) -> rules(row)).one();
    }

    /** The organisation's Slack connections that may post now, with their rules. */
    Flux<ActiveRules> activeRulesOf(OrgId org) {
        return db.sql("""
                select s.* from slack_notification_settings s join connections c on c.id = s.connection_id
                 where s.organisation_id = :org and s.enabled and c.enabled and c.type = 'slack'
                   and c.status in ('active', 'error')""")
                .bind("org", org.value())
                .map((row, meta) -> new ActiveRules(ConnectionId.of(row.get("connection_id", UUID.class)), rules(row))).all();
    }

    private static NotificationRules rules(Readable row) {
        var changes = Arrays.stream(row.get("changes", String[].class)).map(NotificationRules.ChangeKind::fromWireName)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationRules.ChangeKind.class)));
        return new NotificationRules(row.get("channel", String.class), Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
                Arrays.stream(row.get("systems", String[].class)).map(ExternalSystem::fromWireName).toList(),
                Arrays.asList(row.get("projects", String[].class)), changes);
    }
}
