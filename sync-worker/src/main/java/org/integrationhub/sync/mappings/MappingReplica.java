package org.integrationhub.sync.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.integrationhub.events.ExternalTaskUpdated.Change;
import org.integrationhub.events.UserMappingChanged;
import org.integrationhub.events.UserMappingKey;
import org.integrationhub.sync.tasks.ExternalTaskRepository;
import org.integrationhub.sync.tasks.OrganisationLocks;
import org.integrationhub.sync.tasks.TaskAnnouncer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The local replica of the compacted {@code mapping.user-mappings} topic. Each record is applied
 * in one transaction, holding its organisation's lock exclusively ({@link OrganisationLocks}), only if it is newer (by offset) than what the replica holds for its key;
 * then the organisation's tasks whose assignee the old or the new mapping names get their resource
 * re-resolved, and each task whose resource changed is announced through the outbox.
 */
@Service
class MappingReplica {

    private static final Logger log = LoggerFactory.getLogger(MappingReplica.class);

    private final DatabaseClient db;
    private final ExternalTaskRepository tasks;
    private final TaskAnnouncer announcer;
    private final TransactionalOperator transaction;
    private final OrganisationLocks locks;

    MappingReplica(DatabaseClient db, ExternalTaskRepository tasks, TaskAnnouncer announcer, TransactionalOperator transaction,
            OrganisationLocks locks) {
        this.db = db;
        this.locks = locks;
        this.tasks = tasks;
        this.announcer = announcer;
        this.transaction = transaction;
    }

    /** Applies one record; {@code changed} is null for a tombstone. Completes with the number of tasks re-assigned. */
    Mono<Long> apply(UserMappingKey key, int partition, long offset, UserMappingChanged changed) {
        return locks.forMappingChange(key.orgId())
                .then(find(key.format()))
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(before -> before.filter(entry -> entry.isAtOrAfter(partition, offset)).isPresent()
                        ? Mono.just(0L)
                        : store(key, partition, offset, changed).then(reassign(key, partition, offset, before.orElse(null), changed)))
                .as(transaction::transactional);
    }

    private Mono<ReplicaEntry> find(String messageKey) {
        return db.sql("select message_key, external_email, external_user_id, resource_id, deleted, source_partition, source_offset "
                        + "from user_mapping_replica where message_key = :key for update")
                .bind("key", messageKey)
                .map(row -> new ReplicaEntry(row.get("message_key", String.class), row.get("external_email", String.class),
                        row.get("external_user_id", String.class), row.get("resource_id", UUID.class),
                        Boolean.TRUE.equals(row.get("deleted", Boolean.class)), row.get("source_partition", Integer.class),
                        row.get("source_offset", Long.class)))
                .one();
    }

    private Mono<Void> store(UserMappingKey key, int partition, long offset, UserMappingChanged changed) {
        var spec = db.sql("""
                insert into user_mapping_replica (message_key, organisation_id, external_system, mapping_id, external_email,
                    external_user_id, resource_id, deleted, source_partition, source_offset)
                values (:key, :org, :system, :mappingId, :email, :userId, :resource, :deleted, :partition, :offset)
                on conflict (message_key) do update set mapping_id = excluded.mapping_id,
                    external_email = coalesce(excluded.external_email, case when excluded.deleted then user_mapping_replica.external_email end),
                    external_user_id = coalesce(excluded.external_user_id, case when excluded.deleted then user_mapping_replica.external_user_id end),
                    resource_id = excluded.resource_id, deleted = excluded.deleted, source_partition = excluded.source_partition,
                    source_offset = excluded.source_offset, updated_at = now()""")
                .bind("key", key.format()).bind("org", key.orgId().value()).bind("system", key.system().wireName())
                .bind("deleted", changed == null || changed.resourceId() == null).bind("partition", partition).bind("offset", offset);
        spec = changed == null ? spec.bindNull("mappingId", UUID.class) : spec.bind("mappingId", changed.mappingId().value());
        spec = bind(spec, "email", changed == null ? null : changed.externalEmail());
        spec = bind(spec, "userId", changed == null ? null : changed.externalUserId());
        spec = changed == null || changed.resourceId() == null ? spec.bindNull("resource", UUID.class)
                : spec.bind("resource", changed.resourceId().value());
        return spec.then();
    }

    private Mono<Long> reassign(UserMappingKey key, int partition, long offset, ReplicaEntry before, UserMappingChanged changed) {
        List<String> userIds = nonNull(before == null ? null : before.externalUserId(), changed == null ? null : changed.externalUserId());
        List<String> emails = nonNull(before == null ? null : before.externalEmail(), changed == null ? null : changed.externalEmail());
        if (userIds.isEmpty() && emails.isEmpty()) {
            return Mono.just(0L);
        }
        String cause = "user-mapping:" + key.format() + "@" + partition + ":" + offset;
        return tasks.reassign(key.orgId(), key.system(), userIds, emails)
                .concatMap(task -> announcer.announce(task, Change.UPDATED, task.status(), cause).thenReturn(task))
                .count()
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("User mapping at {}@{} re-assigned {} task(s) in organisation {}", partition, offset, count, key.orgId());
                    }
                });
    }

    private static List<String> nonNull(String... values) {
        return new ArrayList<>(Stream.of(values).filter(v -> v != null).distinct().toList());
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}
