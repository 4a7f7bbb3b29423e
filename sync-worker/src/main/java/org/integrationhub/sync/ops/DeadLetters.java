package org.integrationhub.sync.ops;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.integrationhub.events.EventCodec;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.Topics;
import org.integrationhub.sync.ops.DeadLetterProblems.DeadLetterAlreadyHandled;
import org.integrationhub.sync.ops.DeadLetterProblems.DeadLetterHasNoOrigin;
import org.integrationhub.sync.ops.DeadLetterProblems.DeadLetterNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Lists the dead letters, redrives them to their original topic, or discards them; both mark the
 * record handled, once. A redriven record goes through its listener and the failure policy again:
 * if it fails again it becomes a new dead letter (at a new offset), which waits for an operator —
 * nothing redrives on its own, so nothing loops. Discarding an observation also keeps its
 * idempotency key, so a later replay or group reset does not apply it. Never logs keys or values.
 */
@Service
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private static final EventCodec CODEC = new EventCodec();

    private final DeadLetterTopics topics;
    private final HandledDeadLetters handled;

    DeadLetters(DeadLetterTopics topics, HandledDeadLetters handled) {
        this.topics = topics;
        this.handled = handled;
    }

    /** A dead letter and what an operator did with it ({@code null}, {@code redriven} or {@code discarded}). */
    record Listed(DeadLetter letter, String handled) {
    }

    record RedriveReport(int redriven, int alreadyHandled, int failed) {
    }

    Mono<List<Listed>> list(DeadLetterFilter filter) {
        // handled ones are left out while reading, so they never use up the list's cap
        return handled.all().flatMap(done -> Mono.fromCallable(() -> topics.read(letter -> filter.matches(letter)
                        && (filter.includeHandled() || !done.containsKey(letter.position()))))
                .subscribeOn(Schedulers.boundedElastic())
                .map(letters -> letters.stream().map(letter -> new Listed(letter, done.get(letter.position()))).toList()));
    }

    Mono<DeadLetter> redrive(DeadLetter.Position position, UUID operator) {
        return find(position).flatMap(letter -> redrive(letter, operator));
    }

    /** Redrives every unhandled dead letter that matches, one after another. */
    Mono<RedriveReport> redriveMatching(DeadLetterFilter filter, UUID operator) {
        return list(new DeadLetterFilter(filter.topic(), filter.key(), filter.reason(), false))
                .flatMapMany(Flux::fromIterable)
                .concatMap(listed -> redrive(listed.letter(), operator).thenReturn("redriven")
                        .onErrorResume(DeadLetterAlreadyHandled.class, e -> Mono.just("alreadyHandled"))
                        .onErrorResume(e -> !(e instanceof DeadLetterAlreadyHandled), e -> Mono.just("failed")))
                .collectList()
                .map(outcomes -> new RedriveReport(count(outcomes, "redriven"), count(outcomes, "alreadyHandled"), count(outcomes, "failed")));
    }

    Mono<DeadLetter> discard(DeadLetter.Position position, UUID operator) {
        return find(position).flatMap(letter -> handled.discard(position, operator, observationIn(letter))
                .flatMap(claimed -> claimed ? Mono.just(letter) : Mono.error(new DeadLetterAlreadyHandled(position))));
    }

    /** The observation a dead letter of the observations topic holds, or null (another topic, or undecodable). */
    private static EventEnvelope<TaskObserved> observationIn(DeadLetter letter) {
        if (!Topics.TASK_OBSERVATIONS.name().equals(letter.originalTopic()) || letter.value() == null) {
            return null;
        }
        try {
            return CODEC.decode(letter.value(), EventTypes.TASK_OBSERVED);
        } catch (RuntimeException undecodable) {
            return null;
        }
    }

    private Mono<DeadLetter> find(DeadLetter.Position position) {
        return Mono.fromCallable(() -> topics.readOne(position)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> new DeadLetterNotFound(position)));
    }

    private Mono<DeadLetter> redrive(DeadLetter letter, UUID operator) {
        var position = letter.position();
        boolean hasOrigin = letter.originalTopic() != null && Topics.byName(letter.originalTopic()).filter(t -> !t.isDeadLetter()).isPresent();
        if (!hasOrigin) {
            return Mono.error(new DeadLetterHasNoOrigin(position));
        }
        return handled.claim(position, HandledDeadLetters.Action.REDRIVEN, operator)
                .flatMap(claimed -> claimed ? Mono.just(letter) : Mono.error(new DeadLetterAlreadyHandled(position)))
                .flatMap(claimed -> Mono.fromRunnable(() -> topics.sendBack(letter)).subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(failure -> handled.release(position).then(Mono.error(failure)))
                        .thenReturn(letter))
                .doOnNext(sent -> log.info("Dead letter {} redriven to {} by operator {}", position, sent.originalTopic(), operator));
    }

    private static int count(List<String> outcomes, String outcome) {
        return (int) outcomes.stream().filter(outcome::equals).count();
    }

    static Map<String, Object> parametersOf(DeadLetter.Position position) {
        return Map.of("topic", position.topic(), "partition", position.partition(), "offset", position.offset());
    }
}
