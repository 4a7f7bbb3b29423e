package org.integrationhub.benchmarks.micro;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.integrationhub.benchmarks.load.JiraDeliveries;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.EventCodec;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.IdempotencyKeys;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.WebhookReceived;
import org.integrationhub.sync.normalise.NormaliseSettings;
import org.integrationhub.sync.normalise.WebhookNormaliser;
import org.integrationhub.webhook.verification.GitHubSignature;
import org.integrationhub.webhook.verification.JiraSignature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hot code of each stage, as the services ship it (the classes are unpacked from their boot
 * jars at build time): webhook signature verification, normalising a Jira delivery into a task
 * observation, and the envelope's JSON codec. Each has a ceiling beside it: the bare HMAC, the bare
 * JSON parse of the same body, and the bare Jackson write of the same payload record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HotPathBenchmarks {

    private static final String SECRET = "a-connection-webhook-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private byte[] body;
    private String jiraHeader;
    private String gitHubHeader;
    private WebhookReceived delivery;
    private EventCodec codec;
    private EventEnvelope<TaskObserved> envelope;
    private byte[] encoded;
    private WebhookNormaliser normaliser;
    private Mac keyedMac;

    @Setup
    public void setUp() throws GeneralSecurityException {
        keyedMac = Mac.getInstance("HmacSHA256");
        keyedMac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String text = JiraDeliveries.issueCreated(10_042, Instant.parse("2026-11-22T10:15:30Z"));
        body = text.getBytes(StandardCharsets.UTF_8);
        jiraHeader = JiraDeliveries.signature(SECRET, text);
        gitHubHeader = jiraHeader;
        ConnectionId connection = ConnectionId.random();
        delivery = new WebhookReceived(connection, ExternalSystem.JIRA, "delivery-1", "jira:issue_created",
                Map.of("X-Atlassian-Webhook-Identifier", "delivery-1"), "application/json", body, Instant.now());
        normaliser = new WebhookNormaliser(NormaliseSettings.none());
        TaskObserved observed = normaliser.normalise(delivery).observations().get(0);
        codec = new EventCodec();
        envelope = EventEnvelope.of(EventTypes.TASK_OBSERVED, OrgId.random(),
                IdempotencyKeys.webhook(ExternalSystem.JIRA, connection, "delivery-1", body), observed, java.time.Clock.systemUTC());
        encoded = codec.encode(envelope);
    }

    @Benchmark
    public boolean verifyJiraSignature() {
        return JiraSignature.verify(SECRET, body, jiraHeader);
    }

    @Benchmark
    public boolean verifyGitHubSignature() {
        return GitHubSignature.verify(SECRET, body, gitHubHeader);
    }

    /** Ceiling of the verifications: one HMAC-SHA256 over the same bytes with a Mac already keyed, nothing else. */
    @Benchmark
    public byte[] ceilingBareHmac() {
        return keyedMac.doFinal(body);
    }

    @Benchmark
    public WebhookNormaliser.Result normaliseJiraDelivery() {
        return normaliser.normalise(delivery);
    }

    /** Ceiling of normalising: parsing the same body into a tree, nothing else. */
    @Benchmark
    public JsonNode ceilingParseBody() {
        return JSON.readTree(body);
    }

    @Benchmark
    public byte[] encodeEnvelope() {
        return codec.encode(envelope);
    }

    @Benchmark
    public EventEnvelope<TaskObserved> decodeEnvelope() {
        return codec.decode(encoded, EventTypes.TASK_OBSERVED);
    }

    /** Ceiling of decoding: parsing the same envelope bytes into a tree, no binding and no checks. */
    @Benchmark
    public JsonNode ceilingParseEnvelope() {
        return JSON.readTree(encoded);
    }

    /** Ceiling of the codec: Jackson writing the same payload record, without the envelope and its checks. */
    @Benchmark
    public byte[] ceilingWritePayload() {
        return JSON.writeValueAsBytes(envelope.payload());
    }
}
