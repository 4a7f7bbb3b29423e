package org.integrationhub.mapping.mappings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.MappingId;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.ResourceId;
import org.integrationhub.events.Topics;
import org.integrationhub.events.UserMappingChanged;
import org.integrationhub.support.outbox.Outbox;
import org.integrationhub.support.web.InvalidField;
import org.integrationhub.support.web.PagedResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organisation's external user mappings. Every change commits together with its outbox
 * row, so the compacted {@code mapping.user-mappings} topic gets exactly the committed changes:
 * the mapping on create and update, a tombstone on delete, and a tombstone for the old key when
 * an update changes the key.
 */
@Service
class Mappings {

    private static final Logger log = LoggerFactory.getLogger(Mappings.class);
    private static final String AGGREGATE = "external_user_mapping";
    static final int MAX_BATCH = 1000;

    private final MappingRepository repository;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;

    Mappings(MappingRepository repository, Outbox outbox, TransactionalOperator transaction, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    Mono<Mapping> create(OrgId org, MappingDraft draft) {
        return requireAccount(draft)
                .then(insertAndAnnounce(org, draft))
                .as(transaction::transactional)
                .onErrorMap(DataIntegrityViolationException.class, duplicate -> new MappingProblems.MappingAlreadyExists())
                .doOnNext(m -> log.info("Created mapping {} ({}) in organisation {}", m.id(), m.system().wireName(), org));
    }

    Mono<Mapping> get(OrgId org, UUID id) {
        return repository.find(org, id).switchIfEmpty(Mono.error(new MappingProblems.MappingNotFound()));
    }

    Mono<PagedResponse<Mapping>> list(OrgId org, ExternalSystem system, UUID resourceId, int page, int size) {
        return repository.list(org, system, resourceId, page * size, size).collectList()
                .zipWith(repository.count(org, system, resourceId))
                .map(found -> PagedResponse.of(found.getT1(), page, size, found.getT2()));
    }

    Mono<Mapping> update(OrgId org, UUID id, MappingDraft draft) {
        return requireAccount(draft)
                .then(repository.findForUpdate(org, id))
                .switchIfEmpty(Mono.error(new MappingProblems.MappingNotFound()))
                .flatMap(before -> repository.update(org, id, draft, clock.instant())
                        .flatMap(after -> (before.topicKey().equals(after.topicKey()) ? Mono.<Void>empty() : tombstone(before))
                                .then(announce(after)).thenReturn(after)))
                .as(transaction::transactional)
                .onErrorMap(DataIntegrityViolationException.class, duplicate -> new MappingProblems.MappingAlreadyExists())
                .doOnNext(m -> log.info("Updated mapping {} to version {}", m.id(), m.version()));
    }

    Mono<Void> delete(OrgId org, UUID id) {
        return repository.delete(org, id)
                .switchIfEmpty(Mono.error(new MappingProblems.MappingNotFound()))
                .flatMap(this::tombstone)
                .as(transaction::transactional)
                .doOnSuccess(done -> log.info("Deleted mapping {}", id));
    }

    /** Stores every row or none; a refusal names each offending row by its index. */
    Mono<List<Mapping>> createAll(OrgId org, List<MappingDraft> drafts) {
        List<Map<String, Object>> errors = new ArrayList<>(withinBatchClashes(drafts));
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).externalEmail() == null && drafts.get(i).externalUserId() == null) {
                errors.add(rowError(i, "externalEmail", "give externalEmail, externalUserId or both"));
            }
        }
        if (!errors.isEmpty()) {
            return Mono.error(new MappingProblems.BatchRejected(HttpStatus.BAD_REQUEST, "validation_failed", errors));
        }
        return clashesWithStored(org, drafts).flatMap(clashes -> clashes.isEmpty()
                        ? Flux.fromIterable(drafts).concatMap(draft -> insertAndAnnounce(org, draft)).collectList()
                        : Mono.error(new MappingProblems.BatchRejected(HttpStatus.CONFLICT, "mapping_exists", clashes)))
                .as(transaction::transactional)
                .onErrorMap(DataIntegrityViolationException.class, duplicate -> new MappingProblems.MappingAlreadyExists())
                .doOnNext(created -> log.info("Created {} mappings in one batch in organisation {}", created.size(), org));
    }

    private Mono<Mapping> insertAndAnnounce(OrgId org, MappingDraft draft) {
        return repository.insert(org, UUID.randomUUID(), draft).flatMap(mapping -> announce(mapping).thenReturn(mapping));
    }

    private Mono<Void> announce(Mapping mapping) {
        var payload = new UserMappingChanged(MappingId.of(mapping.id()), mapping.system(), mapping.externalEmail(),
                mapping.externalUserId(), ResourceId.of(mapping.resourceId()), mapping.updatedAt());
        var envelope = EventEnvelope.of(UUID.randomUUID(), EventTypes.USER_MAPPING_CHANGED, mapping.orgId(),
                "user-mapping:" + mapping.id() + ":" + mapping.version(), payload, clock);
        return outbox.add(Topics.USER_MAPPINGS, mapping.topicKey(), envelope, AGGREGATE, mapping.id().toString());
    }

    private Mono<Void> tombstone(Mapping mapping) {
        return outbox.addTombstone(Topics.USER_MAPPINGS, mapping.topicKey(), UUID.randomUUID(), AGGREGATE, mapping.id().toString());
    }

    private static Mono<Void> requireAccount(MappingDraft draft) {
        return draft.externalEmail() == null && draft.externalUserId() == null
                ? Mono.error(new InvalidField("externalEmail", "give externalEmail, externalUserId or both"))
                : Mono.empty();
    }

    private static List<Map<String, Object>> withinBatchClashes(List<MappingDraft> drafts) {
        List<Map<String, Object>> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            MappingDraft d = drafts.get(i);
            for (String identity : identities(d.system(), d.externalEmail(), d.externalUserId())) {
                Integer first = seen.putIfAbsent(identity, i);
                if (first != null) {
                    errors.add(rowError(i, identity.contains(":email:") ? "externalEmail" : "externalUserId",
                            "repeats row " + first + " of this batch"));
                }
            }
        }
        return errors;
    }

    private Mono<List<Map<String, Object>>> clashesWithStored(OrgId org, List<MappingDraft> drafts) {
        List<String> emails = drafts.stream().map(MappingDraft::externalEmail).filter(e -> e != null).toList();
        List<String> userIds = drafts.stream().map(MappingDraft::externalUserId).filter(u -> u != null).toList();
        return repository.findClashing(org, emails, userIds).collectList().map(stored -> {
            Map<String, UUID> taken = new HashMap<>();
            stored.forEach(m -> identities(m.system(), m.externalEmail(), m.externalUserId()).forEach(id -> taken.put(id, m.id())));
            List<Map<String, Object>> errors = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                MappingDraft d = drafts.get(i);
                for (String identity : identities(d.system(), d.externalEmail(), d.externalUserId())) {
                    if (taken.containsKey(identity)) {
                        errors.add(rowError(i, identity.contains(":email:") ? "externalEmail" : "externalUserId",
                                "already mapped by mapping " + taken.get(identity)));
                    }
                }
            }
            return errors;
        });
    }

    private static List<String> identities(ExternalSystem system, String email, String userId) {
        List<String> identities = new ArrayList<>(2);
        if (email != null) {
            identities.add(system.wireName() + ":email:" + email.toLowerCase(java.util.Locale.ROOT));
        }
        if (userId != null) {
            identities.add(system.wireName() + ":id:" + userId);
        }
        return identities;
    }

    private static Map<String, Object> rowError(int index, String field, String message) {
        return Map.of("index", index, "field", field, "message", message);
    }
}
