package org.integrationhub.sync.ops;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.integrationhub.support.security.AuthenticatedUser;
import org.integrationhub.support.web.ApiResponse;
import org.integrationhub.support.web.InvalidField;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /api/ops/**}, the operator API (ADR 0015). The shared security chain lets only tokens with
 * the {@code ops} role in (403 otherwise, 401 without a token); every action here is written to the
 * audit log with its parameters and result.
 */
@RestController
@RequestMapping(path = "/api/ops", produces = MediaType.APPLICATION_JSON_VALUE)
class OpsController {

    private final DeadLetters deadLetters;
    private final PipelineHealth health;
    private final OperatorAudit audit;
    private final ReplayJobs replays;

    OpsController(DeadLetters deadLetters, PipelineHealth health, OperatorAudit audit, ReplayJobs replays) {
        this.replays = replays;
        this.deadLetters = deadLetters;
        this.health = health;
        this.audit = audit;
    }

    record DeadLetterView(String dltTopic, int partition, long offset, String key, String originalTopic, Integer originalPartition,
            Long originalOffset, Instant originalTimestamp, String consumerGroup, Instant deadLetteredAt, String exception, String reason,
            String redrivenFrom, String handled, String value) {

        static DeadLetterView of(DeadLetter d, String handled) {
            var p = d.position();
            return new DeadLetterView(p.topic(), p.partition(), p.offset(), d.key(), d.originalTopic(), d.originalPartition(),
                    d.originalOffset(), d.originalTimestamp(), d.consumerGroup(), d.deadLetteredAt(), d.exception(), d.reason(), d.redrivenFrom(), handled,
                    d.valueText());
        }
    }

    /** A filtered redrive: at least one of topic, key and reason, or {@code all: true}. */
    record RedriveRequest(String topic, String key, String reason, Boolean all) {
    }

    @GetMapping("/dead-letters")
    Mono<ApiResponse<List<DeadLetterView>>> deadLetters(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(required = false) String topic, @RequestParam(required = false) String key,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Boolean includeHandled) {
        return Mono.fromSupplier(() -> DeadLetterFilter.of(topic, key, reason, includeHandled))
                .flatMap(filter -> audit.audited(caller, "dead-letters.list", filter.asParameters(),
                        deadLetters.list(filter), found -> found.size() + " dead letter(s)"))
                .map(found -> ApiResponse.of(found.stream().map(l -> DeadLetterView.of(l.letter(), l.handled())).toList()));
    }

    @PostMapping("/dead-letters/{dltTopic}/{partition}/{offset}/redrive")
    Mono<ApiResponse<DeadLetterView>> redrive(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String dltTopic,
            @PathVariable int partition, @PathVariable long offset) {
        var position = new DeadLetter.Position(dltTopic, partition, offset);
        return audit.audited(caller, "dead-letters.redrive", DeadLetters.parametersOf(position),
                        deadLetters.redrive(position, caller.userId()), sent -> "redriven to " + sent.originalTopic())
                .map(sent -> ApiResponse.of(DeadLetterView.of(sent, "redriven")));
    }

    @PostMapping(path = "/dead-letters/redrive", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResponse<DeadLetters.RedriveReport>> redriveMatching(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestBody RedriveRequest request) {
        return Mono.fromSupplier(() -> {
                    var filter = DeadLetterFilter.of(request.topic(), request.key(), request.reason(), false);
                    if (filter.isEmpty() && !Boolean.TRUE.equals(request.all())) {
                        throw new DeadLetterProblems.RedriveNeedsAFilter();
                    }
                    return filter;
                })
                .flatMap(filter -> {
                    Map<String, Object> parameters = new LinkedHashMap<>(filter.asParameters());
                    parameters.put("all", filter.isEmpty());
                    return audit.audited(caller, "dead-letters.redrive-matching", parameters, deadLetters.redriveMatching(filter, caller.userId()),
                            r -> r.redriven() + " redriven, " + r.alreadyHandled() + " already handled, " + r.failed() + " failed");
                })
                .map(ApiResponse::of);
    }

    @PostMapping("/dead-letters/{dltTopic}/{partition}/{offset}/discard")
    Mono<ApiResponse<DeadLetterView>> discard(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String dltTopic,
            @PathVariable int partition, @PathVariable long offset) {
        var position = new DeadLetter.Position(dltTopic, partition, offset);
        return audit.audited(caller, "dead-letters.discard", DeadLetters.parametersOf(position),
                        deadLetters.discard(position, caller.userId()), d -> "discarded")
                .map(d -> ApiResponse.of(DeadLetterView.of(d, "discarded")));
    }

    @GetMapping("/lag")
    Mono<ApiResponse<PipelineHealth.Snapshot>> lag(@AuthenticationPrincipal AuthenticatedUser caller) {
        return audit.audited(caller, "lag.read", Map.of(), blocking(health::snapshot), s -> s.lag().size() + " partition(s)")
                .map(ApiResponse::of);
    }

    @GetMapping("/health")
    Mono<ApiResponse<PipelineHealth.Health>> health(@AuthenticationPrincipal AuthenticatedUser caller) {
        return audit.audited(caller, "health.read", Map.of(), blocking(health::health),
                        h -> h.kafkaUnreadable() == null ? h.stages().size() + " stage(s)" : "kafka unreadable")
                .map(ApiResponse::of);
    }

    @PostMapping(path = "/replays", consumes = MediaType.APPLICATION_JSON_VALUE)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
    Mono<ApiResponse<ReplayJobs.Progress>> startReplay(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody ReplayRequest request) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("topic", request.topic());
        parameters.put("mode", request.mode());
        parameters.put("from", request.from());
        parameters.put("to", request.to());
        parameters.put("partition", request.partition());
        parameters.put("fromOffset", request.fromOffset());
        parameters.put("toOffset", request.toOffset());
        parameters.put("organisationId", request.organisationId());
        parameters.put("connectionId", request.connectionId());
        return audit.audited(caller, "replays.start", parameters, blocking(() -> replays.start(request, caller.userId())),
                        p -> "replay " + p.id() + " started")
                .map(ApiResponse::of);
    }

    @GetMapping("/replays")
    Mono<ApiResponse<List<ReplayJobs.Progress>>> replays(@AuthenticationPrincipal AuthenticatedUser caller) {
        return audit.audited(caller, "replays.list", Map.of(), blocking(replays::all), l -> l.size() + " replay(s)")
                .map(ApiResponse::of);
    }

    @GetMapping("/replays/{id}")
    Mono<ApiResponse<ReplayJobs.Progress>> replay(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable java.util.UUID id) {
        return audit.audited(caller, "replays.read", Map.of("id", id),
                        blocking(() -> replays.find(id).orElseThrow(() -> new ReplayNotFound(id))), ReplayJobs.Progress::status)
                .map(ApiResponse::of);
    }

    @PostMapping("/replays/{id}/cancel")
    Mono<ApiResponse<ReplayJobs.Progress>> cancelReplay(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable java.util.UUID id) {
        return audit.audited(caller, "replays.cancel", Map.of("id", id),
                        blocking(() -> replays.cancel(id).orElseThrow(() -> new ReplayNotFound(id))), p -> "cancel requested")
                .map(ApiResponse::of);
    }

    /** Work that blocks (Kafka's clients, the replay store), off the event loop. */
    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    static final class ReplayNotFound extends org.integrationhub.support.web.HubProblem {
        ReplayNotFound(java.util.UUID id) {
            super(org.springframework.http.HttpStatus.NOT_FOUND, "replay_not_found", "No replay " + id + ".");
        }
    }

    @GetMapping("/audit")
    Mono<ApiResponse<List<OperatorAudit.Entry>>> auditLog(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(required = false, defaultValue = "100") String limit) {
        return Mono.fromSupplier(() -> parseLimit(limit))
                .flatMap(n -> audit.audited(caller, "audit.read", Map.of("limit", n), audit.latest(n), e -> e.size() + " entries"))
                .map(ApiResponse::of);
    }

    private static int parseLimit(String limit) {
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidField("limit", "must be a number from 1 to 1000");
    }
}
