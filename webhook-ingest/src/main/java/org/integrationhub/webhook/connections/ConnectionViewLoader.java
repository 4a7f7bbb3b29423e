package org.integrationhub.webhook.connections;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.ConnectionSnapshot;
import org.integrationhub.events.EventCodec;
import org.integrationhub.events.EventTypes;
import org.integrationhub.events.Topics;
import org.integrationhub.support.crypto.SealedValueUnreadable;
import org.integrationhub.support.crypto.WebhookSecretSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the whole compacted {@code integration.connections} topic at start-up and then follows it,
 * into a {@link ConnectionView}. It assigns every partition itself and starts at the beginning on
 * every start (no consumer group, no committed offsets): the topic is the state, and each instance
 * holds all of it. A record it cannot decode is logged by position and skipped; a webhook secret it
 * cannot open leaves the connection without one (its deliveries then fail verification).
 */
public class ConnectionViewLoader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConnectionViewLoader.class);
    private static final EventCodec CODEC = new EventCodec();

    private final Map<String, Object> consumerProperties;
    private final ConnectionView view;
    private final WebhookSecretSeal seal;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;

    public ConnectionViewLoader(Map<String, Object> kafkaConsumerProperties, ConnectionView view, WebhookSecretSeal seal) {
        Map<String, Object> properties = new HashMap<>(kafkaConsumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "webhook-ingest-connection-view");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerProperties = properties;
        this.view = view;
        this.seal = seal;
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(consumerProperties);
        running = true;
        Thread thread = new Thread(this::follow, "connection-view");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        try (KafkaConsumer<String, byte[]> c = consumer) {
            List<TopicPartition> partitions = partitions(c);
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> endAtStart = c.endOffsets(partitions, Duration.ofMinutes(1));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                if (!view.isCaughtUp() && endAtStart.entrySet().stream().allMatch(end -> c.position(end.getKey()) >= end.getValue())) {
                    view.markCaughtUp();
                    log.info("Connection view caught up: {} connection(s) from {} partition(s)", view.size(), partitions.size());
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up
        } catch (RuntimeException e) {
            log.error("The connection view stopped following {}: {}", Topics.CONNECTIONS.name(), e.toString());
        } finally {
            stopped.countDown();
        }
    }

    /** The topic's partitions, asking again until the broker answers (it may still be starting). */
    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c) {
        while (true) {
            try {
                List<TopicPartition> partitions = c.partitionsFor(Topics.CONNECTIONS.name(), Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (!partitions.isEmpty()) {
                    return partitions;
                }
            } catch (TimeoutException brokerNotAnswering) {
                log.warn("Waiting for Kafka to list the partitions of {}", Topics.CONNECTIONS.name());
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        ConnectionId id;
        try {
            id = Topics.CONNECTIONS.keys().parse(record.key());
        } catch (RuntimeException badKey) {
            log.warn("Skipped a record with an unreadable key at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            view.remove(id);
            return;
        }
        ConnectionSnapshot snapshot;
        try {
            snapshot = CODEC.decode(record.value(), EventTypes.CONNECTION_SNAPSHOT).payload();
        } catch (RuntimeException malformed) {
            log.warn("Skipped an unreadable snapshot of connection {} at {}-{}@{}", id, record.topic(), record.partition(), record.offset());
            return;
        }
        view.put(new KnownConnection(snapshot.connectionId(), snapshot.orgId(), snapshot.system(), snapshot.authType(),
                snapshot.enabled(), openSecret(snapshot), snapshot.revision()));
    }

    private String openSecret(ConnectionSnapshot snapshot) {
        if (snapshot.webhookSecret() == null) {
            return null;
        }
        try {
            return seal.open(snapshot.connectionId(), snapshot.webhookSecret());
        } catch (SealedValueUnreadable unreadable) {
            log.warn("The webhook secret of connection {} cannot be opened ({}); its deliveries will be refused",
                    snapshot.connectionId(), unreadable.getMessage());
            return null;
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
