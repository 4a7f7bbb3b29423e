package org.integrationhub.webhook.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.integrationhub.events.EventCodec;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.Topics;
import org.integrationhub.support.crypto.WebhookSecretSeal;
import org.integrationhub.support.kafka.EventPublisher;
import org.integrationhub.webhook.WebhookIngestApplication;
import org.integrationhub.webhook.connections.ConnectionView;
import org.integrationhub.webhook.ingest.TestConnections.Known;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A broker outage, for real: webhook-ingest runs against its own cluster of one controller and two
 * brokers, with the deliveries topic replicated twice and {@code min.insync.replicas=2} (a usual
 * production setting). When one broker goes down, Kafka cannot acknowledge an acks=all write; the
 * provider hears 503 within the bound. When the broker is back and in sync, the provider's retry is
 * published, and the refused attempt left nothing behind.
 */
class KafkaOutageIT {

    private static final String SECRET = "outage-webhook-secret";
    private static final EventCodec CODEC = new EventCodec();

    private static KafkaClusterTestKit cluster;
    private static ConfigurableApplicationContext ingest;

    @BeforeAll
    static void start() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(false).setNumControllerNodes(1).setNumBrokerNodes(2).build())
                .setConfigProp("offsets.topic.replication.factor", "2")
                .setConfigProp("transaction.state.log.replication.factor", "2")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        ingest = new SpringApplicationBuilder(WebhookIngestApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
                "--hub.kafka.partitions=1",
                "--hub.kafka.replication-factor=2");
    }

    @AfterAll
    static void stop() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void whileABrokerIsDownTheDeliveryIsAnswered503AndItsRetryAfterRecoveryIsPublishedOnce() throws Exception {
        Known github = new TestConnections(ingest.getBean(EventPublisher.class), ingest.getBean(WebhookSecretSeal.class),
                ingest.getBean(ConnectionView.class)).announce(ExternalSystem.GITHUB, "oauth", SECRET);
        int port = ((WebServerApplicationContext) ingest).getWebServer().getPort();
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        byte[] body = "{\"action\":\"reopened\",\"issue\":{\"id\":9}}".getBytes(StandardCharsets.UTF_8);
        String deliveryId = UUID.randomUUID().toString();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.WEBHOOK_DELIVERIES.name());
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"), AlterConfigOp.OpType.SET)))).all().get();
            awaitInSyncReplicas(admin, 2);

            int downBroker = cluster.brokers().keySet().iterator().next();
            cluster.brokers().get(downBroker).shutdown();
            cluster.brokers().get(downBroker).awaitShutdown();
            awaitInSyncReplicas(admin, 1);

            long started = System.nanoTime();
            send(http, github, body, deliveryId).expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectBody().jsonPath("$.code").isEqualTo("not_persisted");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within the bound, not left hanging")
                    .isLessThan(Duration.ofSeconds(9));

            cluster.brokers().get(downBroker).startup();
            awaitInSyncReplicas(admin, 2);

            send(http, github, body, deliveryId).expectStatus().isOk();
        }

        List<ConsumerRecord<String, byte[]>> published = readAll();
        assertThat(published).as("the refused attempt left nothing behind; the retry is there once").hasSize(1);
        assertThat(published.get(0).key()).isEqualTo(github.id().toString());
        assertThat(CODEC.decode(published.get(0).value(), EventTypes.WEBHOOK_RECEIVED).payload().deliveryId()).isEqualTo(deliveryId);
    }

    private static WebTestClient.ResponseSpec send(WebTestClient http, Known github, byte[] body, String deliveryId) {
        return http.post().uri("/webhooks/github/" + github.id()).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    h.set("X-GitHub-Event", "issues");
                    h.set("X-GitHub-Delivery", deliveryId);
                    h.set("X-Hub-Signature-256", Signing.github(SECRET, body));
                })
                .bodyValue(body).exchange();
    }

    private static void awaitInSyncReplicas(Admin admin, int count) {
        await(count + " in-sync replica(s) of " + Topics.WEBHOOK_DELIVERIES.name()).atMost(Duration.ofSeconds(60)).until(() ->
                admin.describeTopics(List.of(Topics.WEBHOOK_DELIVERIES.name())).allTopicNames().get()
                        .get(Topics.WEBHOOK_DELIVERIES.name()).partitions().stream().allMatch(p -> p.isr().size() == count));
    }

    private static List<ConsumerRecord<String, byte[]>> readAll() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outage-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.WEBHOOK_DELIVERIES.name()));
            long quietUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < quietUntil) {
                consumer.poll(Duration.ofMillis(250)).forEach(records::add);
            }
        }
        return records;
    }
}
