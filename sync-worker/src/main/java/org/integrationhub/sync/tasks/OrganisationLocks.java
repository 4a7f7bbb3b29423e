package org.integrationhub.sync.tasks;

import java.util.Collection;
import org.integrationhub.events.OrgId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Transaction-scoped advisory locks per organisation that keep a mapping change and the
 * application of observations from interleaving. An apply batch holds its organisations' locks
 * shared (batches run side by side); a mapping change holds its organisation's lock exclusively.
 * So a task created while a mapping changes either sees the committed mapping when it resolves
 * its assignee, or is committed before the mapping change re-assigns tasks. Without the lock,
 * both transactions could miss each other and leave the task unmapped. Locks are taken in
 * organisation order; a hash collision only serialises a little more.
 */
@Component
public class OrganisationLocks {

    /** "sync" in ASCII: the first key of the two-key advisory lock space, apart from the outbox relay's lock. */
    public static final int NAMESPACE = 0x73796e63;

    private final DatabaseClient db;

    public OrganisationLocks(DatabaseClient db) {
        this.db = db;
    }

    /** Shared locks on these organisations, until the caller's transaction ends. */
    public Mono<Void> forApplying(Collection<OrgId> organisations) {
        return Flux.fromIterable(organisations).map(OrgId::toString).distinct().sort()
                .concatMap(org -> db.sql("select pg_advisory_xact_lock_shared(" + NAMESPACE + ", hashtext(:org))").bind("org", org).then())
                .then();
    }

    /** The exclusive lock on the organisation, until the caller's transaction ends. */
    public Mono<Void> forMappingChange(OrgId organisation) {
        return db.sql("select pg_advisory_xact_lock(" + NAMESPACE + ", hashtext(:org))").bind("org", organisation.toString()).then();
    }
}
