package org.integrationhub.sync.ops;

import java.util.Map;
import java.util.function.Function;
import org.integrationhub.support.security.AuthenticatedUser;
import org.integrationhub.support.web.HubProblem;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of operator actions ({@code sync.ops_audit}): who (user and organisation), what
 * (action and parameters), when, and the result, written once the action is done, whether it
 * succeeded or failed. Parameters never hold record values or tokens.
 */
@Component
class OperatorAudit {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient db;

    OperatorAudit(DatabaseClient db) {
        this.db = db;
    }

    /** Runs the action and records it with its result ({@code ok: <summary>} or {@code failed: <code>}). */
    <T> Mono<T> audited(AuthenticatedUser caller, String action, Map<String, ?> parameters, Mono<T> work,
            Function<T, String> summary) {
        return work
                .flatMap(done -> record(caller, action, parameters, "ok: " + summary.apply(done)).thenReturn(done))
                .onErrorResume(failure -> record(caller, action, parameters, "failed: " + codeOf(failure)).then(Mono.error(failure)));
    }

    record Entry(long id, java.time.Instant at, java.util.UUID userId, java.util.UUID organisationId, String action,
            String parameters, String result) {
    }

    /** The newest entries first. */
    Mono<java.util.List<Entry>> latest(int limit) {
        return db.sql("select id, at, user_id, organisation_id, action, parameters::text as parameters, result from ops_audit "
                        + "order by id desc limit :limit")
                .bind("limit", limit)
                .map((row, meta) -> new Entry(row.get("id", Long.class), row.get("at", java.time.OffsetDateTime.class).toInstant(),
                        row.get("user_id", java.util.UUID.class), row.get("organisation_id", java.util.UUID.class),
                        row.get("action", String.class), row.get("parameters", String.class), row.get("result", String.class)))
                .all().collectList();
    }

    private Mono<Void> record(AuthenticatedUser caller, String action, Map<String, ?> parameters, String result) {
        return db.sql("insert into ops_audit (user_id, organisation_id, action, parameters, result) "
                        + "values (:user, :org, :action, cast(:parameters as jsonb), :result)")
                .bind("user", caller.userId()).bind("org", caller.orgId().value()).bind("action", action)
                .bind("parameters", JSON.writeValueAsString(parameters)).bind("result", result)
                .then();
    }

    private static String codeOf(Throwable failure) {
        return failure instanceof HubProblem problem ? problem.code() : failure.getClass().getSimpleName();
    }
}
