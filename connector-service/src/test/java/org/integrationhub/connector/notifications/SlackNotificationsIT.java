package org.integrationhub.connector.notifications;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.integrationhub.connector.ConnectorApi;
import org.integrationhub.connector.connections.OAuthFlow;
import org.integrationhub.connector.credentials.CredentialVault;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.ExternalSystem;
import org.integrationhub.events.ExternalTaskUpdated;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.ResourceId;
import org.integrationhub.events.TaskId;
import org.integrationhub.events.TaskKey;
import org.integrationhub.events.Topics;
import org.integrationhub.sandbox.faults.FaultPlan;
import org.integrationhub.sandbox.oauth.Provider;
import org.integrationhub.support.kafka.EventPublisher;
import org.integrationhub.testsupport.HubIntegrationTest;
import org.integrationhub.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Slack notifications end to end: ExternalTaskUpdated envelopes published on the real
 * {@code task.external-task-updates} topic (as sync-worker's outbox does), a Slack connection made
 * through OAuth against the embedded provider sandbox, messages read from the sandbox's channel.
 */
@HubIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SlackNotificationsIT {

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    @Autowired
    CredentialVault vault;

    @Autowired
    NotifiedEventsRetention retention;

    private final OrgId organisation = OrgId.random();
    private final String channel = "#tasks-" + UUID.randomUUID().toString().substring(0, 8);
    private String slack;
    private ConnectionId jira;

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        OAuthFlow.sandboxProperties(registry);
    }

    private ConnectorApi api() {
        return new ConnectorApi(port);
    }

    @BeforeEach
    void connectSlackAndJira() {
        slack = new OAuthFlow(port).connected(organisation, "slack");
        jira = ConnectionId.of(api().createJira(organisation, "admin@acme.example"));
    }

    @AfterEach
    void clearFaults() {
        ConnectorApi.SANDBOX.faults().clear();
    }

    private void watch(Map<String, Object> settings) {
        api().as(organisation).put().uri(ConnectorApi.PATH + "/" + slack + "/notifications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(settings).exchange().expectStatus().isOk();
    }

    private void watchProj() {
        watch(Map.of("channel", channel, "systems", List.of("jira"), "projects", List.of("PROJ"),
                "changes", List.of("status_changed", "created")));
    }

    private void publish(EventEnvelope<ExternalTaskUpdated> envelope) {
        var task = envelope.payload();
        publisher.publish(Topics.EXTERNAL_TASK_UPDATES, new TaskKey(organisation, task.system(), task.externalId()), envelope)
                .block(ofSeconds(10));
    }

    private List<Map<String, Object>> messages() {
        return WebClient.create(ConnectorApi.SANDBOX.baseUrl()).get()
                .uri(uri -> uri.path("/sandbox/slack/messages").queryParam("channel", channel).build())
                .retrieve().bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).block(ofSeconds(10));
    }

    @Test
    void postsOneMessageWithKeyTitleLinkStatusAndAssigneeForAWatchedJiraTask() {
        watchProj();
        var envelope = TaskUpdates.envelope(organisation,
                TaskUpdates.statusChanged(jira, "10007", "PROJ-7", "Fix <login> & logout", "To Do", "In Progress"));
        publish(envelope);

        await("one message in the channel").atMost(ofSeconds(20)).untilAsserted(() -> assertThat(messages()).hasSize(1));
        Map<String, Object> message = messages().get(0);
        assertThat((String) message.get("text")).contains("PROJ-7").contains("To Do → In Progress");
        String blocks = String.valueOf(message.get("blocks"));
        assertThat(blocks)
                .contains("<" + ConnectorApi.SANDBOX.baseUrl() + "/atlassian/site/acme/browse/PROJ-7|PROJ-7 Fix &lt;login&gt; &amp; logout>")
                .contains("To Do → *In Progress*")
                .contains("Assignee: Ada Lovelace")
                .contains("jira · updated via webhook");
        assertThat(message.get("bot_id")).as("posted with the bot token").isNotNull();
    }

    @Test
    void aDuplicateEventAndChangesOutsideTheRulesPostNothing() {
        watchProj();
        var envelope = TaskUpdates.envelope(organisation, TaskUpdates.statusChanged(jira, "10008", "PROJ-8", "Once", "To Do", "Done"));
        publish(envelope);
        publish(envelope);
        // same task key as the marker below, so the same partition: consumed before it
        publish(TaskUpdates.envelope(organisation, TaskUpdates.statusChanged(jira, "10009", "OPS-9", "Other project", "To Do", "Done")));
        publish(TaskUpdates.envelope(organisation, TaskUpdates.edited(jira, "10009", "PROJ-9", "Only the title changed")));
        publish(TaskUpdates.envelope(organisation, TaskUpdates.statusChanged(jira, "10008", "PROJ-8", "Once", "To Do", "Done")));
        publish(TaskUpdates.envelope(organisation, TaskUpdates.created(jira, "10009", "PROJ-9", "Marker")));

        await("the marker posted").atMost(ofSeconds(20))
                .untilAsserted(() -> assertThat(messages()).anySatisfy(m -> assertThat((String) m.get("text")).contains("Marker")));
        await("nothing else arrives").during(Duration.ofSeconds(3)).atMost(ofSeconds(10)).untilAsserted(() ->
                assertThat(messages()).extracting(m -> (String) m.get("text"))
                        .as("one per distinct event: the first, the second real change of PROJ-8, the marker")
                        .hasSize(3).noneMatch(text -> text.contains("OPS-9") || text.contains("Only the title")));
    }

    @Test
    void assignedMeansANewMappedAssigneeNotEveryChangeOfAnAssignedTask() {
        watch(Map.of("channel", channel, "changes", List.of("assigned")));
        TaskId task = TaskId.random();
        ResourceId ada = ResourceId.random();
        publish(TaskUpdates.envelope(organisation, TaskUpdates.assigned(jira, task, "10040", "PROJ-40", "Assign me", "Ada", ada, 2)));
        publish(TaskUpdates.envelope(organisation, TaskUpdates.assigned(jira, task, "10040", "PROJ-40", "Title edited", "Ada", ada, 3)));
        publish(TaskUpdates.envelope(organisation,
                TaskUpdates.assigned(jira, task, "10040", "PROJ-40", "Older version", "Grace", ResourceId.random(), 1)));
        publish(TaskUpdates.envelope(organisation,
                TaskUpdates.assigned(jira, task, "10040", "PROJ-40", "Reassigned", "Grace", ResourceId.random(), 4)));

        await("the reassignment posted").atMost(ofSeconds(20))
                .untilAsserted(() -> assertThat(messages()).anySatisfy(m -> assertThat((String) m.get("text")).contains("Reassigned")));
        await("nothing else arrives").during(Duration.ofSeconds(3)).atMost(ofSeconds(10)).untilAsserted(() ->
                assertThat(messages()).extracting(m -> (String) m.get("text")).as("the first assignee and the new one")
                        .hasSize(2).anyMatch(text -> text.contains("Assign me")));
        assertThat(String.valueOf(messages().get(1).get("blocks"))).contains("Assignee: Grace");
    }

    @Test
    void aRateLimitedPostIsRetriedAfterItsRetryAfter() {
        watchProj();
        ConnectorApi.SANDBOX.faults().set(Provider.SLACK, new FaultPlan(1, 3, 0, 0, Duration.ZERO));
        long start = System.nanoTime();
        publish(TaskUpdates.envelope(organisation, TaskUpdates.created(jira, "10010", "PROJ-10", "Rate limited")));

        await("posted after the 429").atMost(ofSeconds(30)).untilAsserted(() -> assertThat(messages()).hasSize(1));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited Retry-After (3 s) after the 429")
                .isGreaterThanOrEqualTo(ofSeconds(3));
        await("no second copy").during(Duration.ofSeconds(2)).atMost(ofSeconds(5))
                .untilAsserted(() -> assertThat(messages()).hasSize(1));
    }

    @Test
    void aServerErrorIsNotSentAgainBecauseSlackMayHavePostedIt() throws Exception {
        watchProj();
        ConnectorApi.SANDBOX.faults().set(Provider.SLACK, new FaultPlan(0, 0, 1, 503, Duration.ZERO));
        var failed = TaskUpdates.envelope(organisation, TaskUpdates.created(jira, "10050", "PROJ-50", "Met a 503"));
        publish(failed);
        await("the notification dropped").atMost(ofSeconds(20)).untilAsserted(() -> assertThat(OAuthFlow.sql(
                "update connector.slack_notified_events set status = status where event_id = ? and status = 'dropped'",
                failed.eventId())).isOne());

        publish(TaskUpdates.envelope(organisation, TaskUpdates.created(jira, "10050", "PROJ-50", "After the 503")));
        await("the next change posted").atMost(ofSeconds(20)).untilAsserted(() -> assertThat(messages()).singleElement()
                .satisfies(m -> assertThat((String) m.get("text")).contains("After the 503")));
    }

    @Test
    void aSyncOf500ChangesPostsOneSummary() {
        watchProj();
        Flux.range(1, 500)
                .map(n -> TaskUpdates.envelope(organisation, TaskUpdates.created(jira, "20" + n, "PROJ-" + (1000 + n), "Imported " + n)))
                .concatMap(envelope -> publisher.publish(Topics.EXTERNAL_TASK_UPDATES,
                        new TaskKey(organisation, envelope.payload().system(), envelope.payload().externalId()), envelope), 64)
                .blockLast(ofSeconds(60));

        await("one summary").atMost(ofSeconds(60)).untilAsserted(() -> assertThat(messages()).hasSize(1));
        await("and nothing more").during(Duration.ofSeconds(4)).atMost(ofSeconds(10))
                .untilAsserted(() -> assertThat(messages()).hasSize(1));
        Map<String, Object> summary = messages().get(0);
        assertThat((String) summary.get("text")).startsWith("500 task changes").contains("created: 500");
        assertThat(String.valueOf(summary.get("blocks"))).contains("…and 490 more").contains("Imported ");
    }

    @Test
    void aRevokedBotTokenMarksTheConnectionRevokedAndStopsPosting(CapturedOutput output) {
        watchProj();
        String authorization = ConnectorApi.read(api().asService("sync-worker", "credentials:read").get()
                .uri("/internal/connections/" + slack + "/credentials").exchange().expectStatus().isOk(), "$.data.authorization");
        ConnectorApi.SANDBOX.oauth().revokeRefreshTokens(Provider.SLACK);
        ConnectorApi.SANDBOX.oauth().revoke(authorization.substring("Bearer ".length()));

        publish(TaskUpdates.envelope(organisation, TaskUpdates.created(jira, "10011", "PROJ-11", "Nobody hears this")));

        await("the connection is revoked").atMost(ofSeconds(20)).untilAsserted(() ->
                api().as(organisation).get().uri(ConnectorApi.PATH + "/" + slack).exchange().expectBody()
                        .jsonPath("$.data.status").isEqualTo("revoked"));
        publish(TaskUpdates.envelope(organisation, TaskUpdates.created(jira, "10012", "PROJ-12", "Nor this")));
        publish(TaskUpdates.envelope(organisation, TaskUpdates.created(jira, "10013", "PROJ-13", "Marker after revocation")));
        await("nothing posted").during(Duration.ofSeconds(3)).atMost(ofSeconds(10))
                .untilAsserted(() -> assertThat(messages()).isEmpty());
        api().as(organisation).post().uri(ConnectorApi.PATH + "/" + slack + "/notifications/test").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.sent").isEqualTo(false);
        assertThat(output.getAll()).as("the bot token is never logged").doesNotContain(authorization.substring("Bearer ".length()));
    }

    @Test
    void anUndecodableRecordIsDeadLetteredAndTheChangeBehindItIsStillPosted() throws Exception {
        watchProj();
        String key = new TaskKey(organisation, ExternalSystem.JIRA, "10020").format();
        byte[] poison = ("{\"not\": \"an envelope " + UUID.randomUUID() + "\"").getBytes(StandardCharsets.UTF_8);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            // same key: same partition, the poison record first
            producer.send(new ProducerRecord<>(Topics.EXTERNAL_TASK_UPDATES.name(), key, poison)).get();
        }
        publish(TaskUpdates.envelope(organisation, TaskUpdates.created(jira, "10020", "PROJ-20", "After the poison")));

        await("the change behind the poison posted").atMost(ofSeconds(30))
                .untilAsserted(() -> assertThat(messages()).singleElement()
                        .satisfies(m -> assertThat((String) m.get("text")).contains("After the poison")));
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            String deadLetters = Topics.EXTERNAL_TASK_UPDATES.deadLetter().name();
            consumer.assign(consumer.partitionsFor(deadLetters).stream()
                    .map(partition -> new TopicPartition(deadLetters, partition.partition())).toList());
            consumer.seekToBeginning(consumer.assignment());
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await("the poison in the dead-letter topic").atMost(ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            assertThat(found).singleElement().satisfies(record -> assertThat(record.value()).as("the original bytes").isEqualTo(poison));
        }
    }

    @Test
    void slackRefusingTheBotTokenAsInvalidAuthMarksTheConnectionRevokedWithASnapshot() throws Exception {
        watchProj();
        // a token the sandbox never issued: Slack answers ok:false invalid_auth
        OAuthFlow.sql("update connector.connections set access_token = ? where id = ?",
                vault.seal(ConnectionId.of(slack), "xoxb-never-issued-by-the-sandbox").encode(), UUID.fromString(slack));
        String revisionBefore = OAuthFlow.stored("revision", slack);

        publish(TaskUpdates.envelope(organisation, TaskUpdates.created(jira, "10030", "PROJ-30", "Refused")));

        await("the connection is revoked").atMost(ofSeconds(20)).untilAsserted(() -> assertThat(OAuthFlow.stored("status", slack))
                .isEqualTo("revoked"));
        assertThat(OAuthFlow.stored("last_error", slack)).contains("invalid_auth");
        assertThat(Long.parseLong(OAuthFlow.stored("revision", slack))).as("announced: a new revision")
                .isEqualTo(Long.parseLong(revisionBefore) + 1);
        assertThat(messages()).isEmpty();
    }

    @Test
    void forgetsEventIdsOlderThanTheRetention() throws Exception {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        OAuthFlow.sql("insert into connector.slack_notified_events (event_id, connection_id, status, recorded_at) "
                + "values (?, ?, 'posted', now() - interval '15 days'), (?, ?, 'posted', now())",
                old, UUID.fromString(slack), recent, UUID.fromString(slack));

        assertThat(retention.forgetExpired().block(ofSeconds(10))).isGreaterThanOrEqualTo(1L);
        assertThat(OAuthFlow.sql("update connector.slack_notified_events set status = status where event_id = ?", old)).isZero();
        assertThat(OAuthFlow.sql("update connector.slack_notified_events set status = status where event_id = ?", recent)).isOne();
    }

    @Test
    void sendsATestMessageToTheChosenChannel() {
        watchProj();
        api().as(organisation).post().uri(ConnectorApi.PATH + "/" + slack + "/notifications/test").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.sent").isEqualTo(true)
                .jsonPath("$.data.channel").isEqualTo(channel);
        assertThat(messages()).singleElement().satisfies(m -> assertThat((String) m.get("text")).contains("notifications are set up"));
    }

    @Test
    void storesTheSettingsAndRefusesBadOnesNamingTheField() {
        watch(Map.of("channel", channel, "projects", List.of("PROJ", "acme/api"), "changes", List.of("assigned", "deleted")));
        api().as(organisation).get().uri(ConnectorApi.PATH + "/" + slack + "/notifications").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.channel").isEqualTo(channel)
                .jsonPath("$.data.enabled").isEqualTo(true)
                .jsonPath("$.data.systems.length()").isEqualTo(0)
                .jsonPath("$.data.projects[1]").isEqualTo("acme/api")
                .jsonPath("$.data.changes[0]").isEqualTo("assigned");

        api().as(organisation).put().uri(ConnectorApi.PATH + "/" + slack + "/notifications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "Not A Channel!", "changes", List.of("created"))).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field").isEqualTo("channel");
        api().as(organisation).put().uri(ConnectorApi.PATH + "/" + slack + "/notifications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", channel, "changes", List.of("renamed"))).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").value(String.class, field -> assertThat(field).startsWith("changes"));
        api().as(organisation).put().uri(ConnectorApi.PATH + "/" + jira + "/notifications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", channel, "changes", List.of("created"))).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("connection_not_found");
        api().as(OrgId.random()).get().uri(ConnectorApi.PATH + "/" + slack + "/notifications").exchange()
                .expectStatus().isNotFound();
    }
}
