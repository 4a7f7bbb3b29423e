package org.integrationhub.sync.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.TaskObserved;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The set-based statements of the apply stage on {@code external_task_events}, the idempotency keys:
 * one statement for a whole batch each, inside the batch's transaction.
 */
@Component
class ApplyStatements {

    /** An idempotency key of an organisation: the primary key of {@code external_task_events}. */
    record OrgKey(UUID org, String key) {

        static OrgKey of(EventEnvelope<TaskObserved> envelope) {
            return new OrgKey(envelope.orgId().value(), envelope.idempotencyKey());
        }
    }

    /** The outcome to store for a claimed key whose observation did not apply. */
    record KeyOutcome(OrgKey key, String outcome) {
    }

    private final DatabaseClient db;

    ApplyStatements(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Inserts the idempotency keys of these observations, in order (outcome {@code applied}, corrected later by
     * {@link #recordOutcomes}); the keys inserted now. A key stored before, or a second copy in the list, is not.
     */
    Mono<Set<OrgKey>> claim(List<EventEnvelope<TaskObserved>> observations) {
        return db.sql("""
                insert into external_task_events (organisation_id, idempotency_key, event_id, external_system, external_id, outcome)
                select org, key, event_id, system, external_id, 'applied'
                  from unnest(:orgs::uuid[], :keys::text[], :eventIds::uuid[], :systems::text[], :externalIds::text[])
                       with ordinality as o(org, key, event_id, system, external_id, position)
                 order by position
                on conflict do nothing
                returning organisation_id, idempotency_key""")
                .bind("orgs", observations.stream().map(o -> o.orgId().value()).toArray(UUID[]::new))
                .bind("keys", observations.stream().map(EventEnvelope::idempotencyKey).toArray(String[]::new))
                .bind("eventIds", observations.stream().map(EventEnvelope::eventId).toArray(UUID[]::new))
                .bind("systems", observations.stream().map(o -> o.payload().system().wireName()).toArray(String[]::new))
                .bind("externalIds", observations.stream().map(o -> o.payload().externalId()).toArray(String[]::new))
                .map(row -> new OrgKey(row.get("organisation_id", UUID.class), row.get("idempotency_key", String.class)))
                .all()
                .collect(HashSet::new, Set::add);
    }

    /** Which of these observations' keys an operator discarded (ADR 0015). */
    Mono<Set<OrgKey>> discarded(List<EventEnvelope<TaskObserved>> observations) {
        if (observations.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("""
                select e.organisation_id, e.idempotency_key from external_task_events e
                  join unnest(:orgs::uuid[], :keys::text[]) as k(org, key) on e.organisation_id = k.org and e.idempotency_key = k.key
                 where e.outcome = 'discarded'""")
                .bind("orgs", observations.stream().map(o -> o.orgId().value()).toArray(UUID[]::new))
                .bind("keys", observations.stream().map(EventEnvelope::idempotencyKey).toArray(String[]::new))
                .map(row -> new OrgKey(row.get("organisation_id", UUID.class), row.get("idempotency_key", String.class)))
                .all()
                .collect(HashSet::new, Set::add);
    }

    /** Stores the outcome of claimed keys whose observations did not apply (unchanged, stale). */
    Mono<Void> recordOutcomes(List<KeyOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                update external_task_events e set outcome = o.outcome
                  from unnest(:orgs::uuid[], :keys::text[], :outcomes::text[]) as o(org, key, outcome)
                 where e.organisation_id = o.org and e.idempotency_key = o.key""")
                .bind("orgs", outcomes.stream().map(o -> o.key().org()).toArray(UUID[]::new))
                .bind("keys", outcomes.stream().map(o -> o.key().key()).toArray(String[]::new))
                .bind("outcomes", outcomes.stream().map(o -> o.outcome().toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .then();
    }
}
