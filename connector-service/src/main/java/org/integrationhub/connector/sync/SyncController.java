package org.integrationhub.connector.sync;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.SyncRequested;
import org.integrationhub.support.security.AuthenticatedService;
import org.integrationhub.support.security.AuthenticatedUser;
import org.integrationhub.support.web.ApiResponse;
import org.integrationhub.support.web.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/integrations/{id}/sync-now}, {@code GET /api/integrations/{id}/sync-runs}, the organisation's
 * {@code GET /api/integrations/sync-activity}, and the
 * sync-worker's {@code POST /internal/sync-runs/{runId}/progress} (service token with scope
 * {@code sync-runs:write}).
 */
@RestController
class SyncController {

    static final String PROGRESS_SCOPE = "sync-runs:write";

    private final SyncRuns runs;
    private final SyncActivity activity;

    SyncController(SyncRuns runs, SyncActivity activity) {
        this.runs = runs;
        this.activity = activity;
    }

    record QueuedView(String status, UUID syncRunId) {
    }

    record SyncRunView(UUID id, String trigger, String status, int pages, int itemsSeen, int itemsApplied, String error,
            Instant requestedAt, Instant startedAt, Instant finishedAt) {

        static SyncRunView of(SyncRun r) {
            return new SyncRunView(r.id(), r.trigger(), r.status(), r.pages(), r.itemsSeen(), r.itemsApplied(), r.error(),
                    r.requestedAt(), r.startedAt(), r.finishedAt());
        }
    }

    record ProgressRequest(@NotBlank @Pattern(regexp = "running|succeeded|failed") String status, @Min(0) int pages,
            @Min(0) int itemsSeen, @Min(0) int itemsApplied, @Size(max = 2000) String error) {
    }


    @PostMapping(path = "/api/integrations/{id}/sync-now", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ApiResponse<QueuedView>> syncNow(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        return runs.request(caller.orgId(), ConnectionId.of(id), SyncRequested.Trigger.MANUAL)
                .map(run -> ApiResponse.of(new QueuedView(run.status(), run.id())));
    }

    /** The organisation's sync runs per UTC day over the last {@code days} days (1–90, default 14), today last. */
    @GetMapping(path = "/api/integrations/sync-activity", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResponse<SyncActivity.Activity>> activity(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(required = false) String days) {
        return Mono.fromSupplier(() -> days(days)).flatMap(window -> activity.lastDays(caller.orgId(), window)).map(ApiResponse::of);
    }

    private static int days(String text) {
        if (text == null) {
            return 14;
        }
        try {
            int days = Integer.parseInt(text.trim());
            if (days >= 1 && days <= SyncActivity.MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidField("days", "must be a whole number from 1 to " + SyncActivity.MAX_DAYS);
    }

    @GetMapping(path = "/api/integrations/{id}/sync-runs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResponse<List<SyncRunView>>> history(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        return runs.history(caller.orgId(), ConnectionId.of(id)).map(SyncRunView::of).collectList().map(ApiResponse::of);
    }

    @PostMapping(path = "/internal/sync-runs/{runId}/progress", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResponse<SyncRunView>> progress(@AuthenticationPrincipal AuthenticatedService caller, @PathVariable UUID runId,
            @Valid @RequestBody ProgressRequest progress) {
        return caller.requireScope(PROGRESS_SCOPE)
                .then(Mono.defer(() -> runs.report(runId, progress.status(), progress.pages(), progress.itemsSeen(),
                        progress.itemsApplied(), progress.error())))
                .map(run -> ApiResponse.of(SyncRunView.of(run)));
    }
}
