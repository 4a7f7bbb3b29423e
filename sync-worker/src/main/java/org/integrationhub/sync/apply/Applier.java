package org.integrationhub.sync.apply;

import java.util.List;
import java.util.Map;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.TaskObserved;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The apply stage for other features (a replay): the same one transaction per batch, idempotency
 * keys, source-version rules and outbox as the listener, so observations applied before are
 * counted duplicates and change nothing.
 */
@Component
public class Applier {

    /** How many observations of a batch ended how, once its transaction committed. */
    public record Applied(int applied, int unchanged, int stale, int duplicate) {
    }

    private final ApplyStage stage;

    Applier(ApplyStage stage) {
        this.stage = stage;
    }

    public Mono<Applied> apply(List<EventEnvelope<TaskObserved>> observations) {
        if (observations.isEmpty()) {
            return Mono.just(new Applied(0, 0, 0, 0));
        }
        return stage.apply(observations).map(Applier::of);
    }

    /**
     * Applies observations normalised again by the current rules (a re-normalisation replay, ADR 0017):
     * those applied before are judged again by source version and content hash, so only tasks whose
     * content really changed are updated, each with one event whose id derives from {@code cause}.
     */
    public Mono<Applied> reapply(List<EventEnvelope<TaskObserved>> observations, String cause) {
        if (observations.isEmpty()) {
            return Mono.just(new Applied(0, 0, 0, 0));
        }
        return stage.apply(observations, new ApplyStage.Renormalisation(cause)).map(Applier::of);
    }

    private static Applied of(Map<ApplyStage.Outcome, Integer> outcomes) {
        return new Applied(outcomes.getOrDefault(ApplyStage.Outcome.APPLIED, 0), outcomes.getOrDefault(ApplyStage.Outcome.UNCHANGED, 0),
                outcomes.getOrDefault(ApplyStage.Outcome.STALE, 0), outcomes.getOrDefault(ApplyStage.Outcome.DUPLICATE, 0));
    }
}
