package org.integrationhub.webhook.ingest;

import org.integrationhub.support.security.AuthenticatedUser;
import org.integrationhub.support.web.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/webhooks/stats}: the caller's organisation's webhook deliveries by provider and outcome ({@link DeliveryCounts}). */
@RestController
class WebhookStatsController {

    private final DeliveryCounts counts;

    WebhookStatsController(DeliveryCounts counts) {
        this.counts = counts;
    }

    @GetMapping(path = "/api/webhooks/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ApiResponse<DeliveryCounts.Counted>> stats(@AuthenticationPrincipal AuthenticatedUser caller) {
        return Mono.fromSupplier(() -> ApiResponse.of(counts.of(caller.orgId())));
    }
}
