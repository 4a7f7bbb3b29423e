package org.integrationhub.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.integrationhub.benchmarks.load.JiraDeliveries;
import org.integrationhub.benchmarks.report.Report;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.WebhookReceived;
import org.integrationhub.sync.normalise.NormaliseSettings;
import org.integrationhub.sync.normalise.WebhookNormaliser;
import org.integrationhub.webhook.verification.JiraSignature;
import org.junit.jupiter.api.Test;

/** The load the benchmarks send is what the hub accepts, and a missed target is printed as missed. */
class LoadShapesTest {

    @Test
    void signedDeliveriesVerifyWithWebhookIngestsOwnCheck() {
        String body = JiraDeliveries.issueCreated(10_001, Instant.parse("2026-11-22T10:15:30Z"));
        String header = JiraDeliveries.signature("secret", body);

        assertThat(JiraSignature.verify("secret", body.getBytes(StandardCharsets.UTF_8), header)).isTrue();
        assertThat(JiraSignature.verify("other", body.getBytes(StandardCharsets.UTF_8), header)).isFalse();
    }

    @Test
    void issueCreatedBecomesOneTaskObservationAndCommentsAreSkipped() {
        var normaliser = new WebhookNormaliser(NormaliseSettings.none());
        ConnectionId connection = ConnectionId.random();

        var created = normaliser.normalise(delivery(connection, JiraDeliveries.issueCreated(42, Instant.now())));
        var comment = normaliser.normalise(delivery(connection, JiraDeliveries.commentCreated(42, Instant.now())));

        assertThat(created.observations()).singleElement().satisfies(o -> {
            assertThat(o.externalId()).isEqualTo("42");
            assertThat(o.key()).isEqualTo("BENCH-42");
        });
        assertThat(comment.observations()).isEmpty();
        assertThat(comment.skipped()).contains("comment_created");
    }

    @Test
    void observationsRoundTripThroughTheEnvelopeCodec() {
        var envelope = Observations.observation(OrgId.random(), ConnectionId.random(), 7);

        var decoded = Observations.CODEC.decode(Observations.CODEC.encode(envelope), EventTypes.TASK_OBSERVED);

        assertThat(decoded).isEqualTo(envelope);
        assertThat(Observations.key(envelope)).endsWith(":jira:7");
    }

    @Test
    void aMissedTargetIsPrintedAsMissed() {
        Report report = new Report();
        report.scenario(new Report.Scenario("apply", "observations/s committed", 182, "obs/s", 2971.0, "JDBC", 182 / 2971.0,
                "≥ 25%", false, null));
        report.table(new Report.Table("t", List.of("a"), List.of(List.of("1")), null));

        assertThat(report.markdown()).contains("| apply | observations/s committed | 182 obs/s | 2,971 obs/s (JDBC) | 6% | ≥ 25% | **MISSED** |");
    }

    @Test
    void aRunOverItsTimeLimitIsFlagged() {
        BenchSettings quick = BenchSettings.of(true, java.nio.file.Path.of("."));
        BenchSettings full = BenchSettings.of(false, java.nio.file.Path.of("."));

        assertThat(BenchmarkRun.duration(quick, java.time.Duration.ofSeconds(280))).startsWith("4.7 min (280 s), within the 5-minute limit");
        assertThat(BenchmarkRun.duration(quick, java.time.Duration.ofSeconds(402))).contains("**OVER the 5-minute limit** for a --quick run");
        assertThat(BenchmarkRun.duration(full, java.time.Duration.ofMinutes(29))).contains("within the 30-minute limit for a full run");
    }

    private static WebhookReceived delivery(ConnectionId connection, String body) {
        return new WebhookReceived(connection, ExternalSystem.JIRA, "d-1", null, Map.of(), "application/json",
                body.getBytes(StandardCharsets.UTF_8), Instant.now());
    }
}
