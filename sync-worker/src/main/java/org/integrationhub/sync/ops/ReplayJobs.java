package org.integrationhub.sync.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.integrationhub.events.EventCodec;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.TaskObserved;
import org.integrationhub.events.WebhookReceived;
import org.integrationhub.sync.apply.Applier;
import org.integrationhub.sync.failures.ConsumerSettings;
import org.integrationhub.sync.normalise.DeliveryObservations;
import org.integrationhub.sync.normalise.WebhookNormaliser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Replays (ADR 0015, 0017): each reads its slice of {@code integration.task-observations} or
 * {@code integration.webhook-deliveries} with a consumer of its own (assigned partitions, no
 * group, so live consumption never stops or moves) and applies it through the apply stage, batch
 * by batch. Deliveries are normalised by the current rules first. Safe by default: what was
 * applied before is a counted duplicate and changes nothing; a re-normalisation updates only the
 * tasks whose content changed. Runs in the background, can be cancelled between batches, and its
 * progress is saved ({@link ReplayJobStore}), so the list outlives a restart; a job running when
 * its instance stops is interrupted, not resumed.
 */
@Component
class ReplayJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReplayJobs.class);
    private static final Duration SAVE_EVERY = Duration.ofSeconds(1);

    enum Status { RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED }

    /**
     * What a replay did so far. {@code total} is the number of records in its slice; {@code read} =
     * {@code skipped} (filtered out, or a delivery carrying no task) + {@code unreadable} + the records
     * that became {@code observations}, and {@code observations} = {@code duplicate} + {@code applied}
     * + {@code unchanged} + {@code stale}.
     */
    record Progress(UUID id, String status, ReplayRequest request, UUID startedBy, long total, long read, long skipped, long unreadable,
            long observations, long duplicate, long applied, long unchanged, long stale, Instant startedAt, Instant finishedAt,
            String error) {
    }

    private final class Job {
        final UUID id = UUID.randomUUID();
        final ReplayRequest request;
        final UUID startedBy;
        final Instant startedAt;
        final AtomicReference<Status> status = new AtomicReference<>(Status.RUNNING);
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicLong total = new AtomicLong();
        final AtomicLong read = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong unreadable = new AtomicLong();
        final AtomicLong observations = new AtomicLong();
        final AtomicLong duplicate = new AtomicLong();
        final AtomicLong applied = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong stale = new AtomicLong();
        volatile Instant finishedAt;
        volatile String error;
        Instant savedAt = Instant.EPOCH;

        Job(ReplayRequest request, UUID startedBy) {
            this.request = request;
            this.startedBy = startedBy;
            this.startedAt = clock.instant();
        }

        Progress progress() {
            return new Progress(id, status.get().name().toLowerCase(Locale.ROOT), request, startedBy, total.get(), read.get(), skipped.get(),
                    unreadable.get(), observations.get(), duplicate.get(), applied.get(), unchanged.get(), stale.get(), startedAt,
                    finishedAt, error);
        }

        /** Saves the progress (at most every second unless {@code now}) and picks up a cancel asked for through the store. */
        void save(boolean now) {
            Instant at = clock.instant();
            if (now || !at.isBefore(savedAt.plus(SAVE_EVERY))) {
                savedAt = at;
                if (store.save(progress())) {
                    cancelled.set(true);
                }
            }
        }
    }

    private final Map<UUID, Job> running = new ConcurrentHashMap<>();
    private final KafkaProperties kafka;
    private final Applier applier;
    private final DeliveryObservations deliveries;
    private final ReplayJobStore store;
    private final ConsumerSettings consumers;
    private final OpsSettings settings;
    private final Clock clock;
    private final EventCodec codec = new EventCodec();
    private final Scheduler runner = Schedulers.newBoundedElastic(2, 16, "ops-replay");
    private volatile boolean stopping;

    ReplayJobs(KafkaProperties kafka, Applier applier, DeliveryObservations deliveries, ReplayJobStore store, ConsumerSettings consumers,
            OpsSettings settings, Clock clock) {
        this.kafka = kafka;
        this.applier = applier;
        this.deliveries = deliveries;
        this.store = store;
        this.consumers = consumers;
        this.settings = settings;
        this.clock = clock;
    }

    Progress start(ReplayRequest request, UUID startedBy) {
        Job job = new Job(request.validated(), startedBy);
        store.insert(job.progress());
        running.put(job.id, job);
        try {
            runner.schedule(() -> run(job));
        } catch (java.util.concurrent.RejectedExecutionException busy) {
            job.error = "too many replays queued on this instance; start it again later";
            job.status.set(Status.FAILED);
            job.finishedAt = clock.instant();
            finish(job);
            return job.progress();
        }
        log.info("Replay {} of {} ({}) started", job.id, job.request.topic(), job.request.mode());
        return job.progress();
    }

    Optional<Progress> find(UUID id) {
        Job job = running.get(id);
        return job != null ? Optional.of(job.progress()) : store.find(id);
    }

    /** The newest 100 replays, with the live progress of those running here. */
    List<Progress> all() {
        return store.latest(100).stream().map(saved -> running.containsKey(saved.id()) ? running.get(saved.id()).progress() : saved).toList();
    }

    /** Asks the replay to stop after its current batch; empty when there is no such replay. */
    Optional<Progress> cancel(UUID id) {
        Job job = running.get(id);
        if (job != null) {
            job.cancelled.set(true);
            return Optional.of(job.progress());
        }
        return store.requestCancel(id); // running on another instance, or finished
    }

    private void run(Job job) {
        try (var consumer = consumer()) {
            Map<TopicPartition, long[]> slice = sliceOf(job.request, consumer);
            job.total.set(slice.values().stream().mapToLong(range -> Math.max(0, range[1] - range[0])).sum());
            job.save(true); // the slice's size, before the first batch
            List<TopicPartition> open = new ArrayList<>(slice.keySet().stream().filter(tp -> slice.get(tp)[0] < slice.get(tp)[1]).toList());
            consumer.assign(open);
            open.forEach(tp -> consumer.seek(tp, slice.get(tp)[0]));
            while (!open.isEmpty() && !job.cancelled.get()) {
                List<EventEnvelope<TaskObserved>> batch = new ArrayList<>();
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < slice.get(tp)[1]) {
                        job.read.incrementAndGet();
                        batch.addAll(observationsOf(job, record.value()));
                    }
                }
                job.observations.addAndGet(batch.size());
                add(job, job.request.renormalises() ? applier.reapply(batch, "renormalise:" + job.id).block(consumers.transactionTimeout())
                        : applier.apply(batch).block(consumers.transactionTimeout()));
                List<TopicPartition> finished = open.stream().filter(tp -> consumer.position(tp) >= slice.get(tp)[1]).toList();
                consumer.pause(finished); // nothing more is fetched past a partition's end of the slice
                open.removeAll(finished);
                job.save(false);
            }
            job.status.set(open.isEmpty() ? Status.SUCCEEDED : stopping ? Status.INTERRUPTED : Status.CANCELLED);
        } catch (RuntimeException failure) {
            if (stopping) { // the shutdown interrupted a batch in flight: rolled back, nothing half-done
                job.status.set(Status.INTERRUPTED);
            } else {
                job.error = failure.getClass().getSimpleName();
                job.status.set(Status.FAILED);
                log.warn("Replay {} failed: {}", job.id, failure.toString());
            }
        } finally {
            job.finishedAt = clock.instant();
            finish(job);
            log.info("Replay {} {}: {} read, {} skipped, {} duplicate, {} applied, {} unchanged", job.id, job.status.get(), job.read.get(),
                    job.skipped.get(), job.duplicate.get(), job.applied.get(), job.unchanged.get());
        }
    }

    private void finish(Job job) {
        try {
            job.save(true);
        } catch (RuntimeException unsaved) {
            log.warn("Replay {} ended {} but its progress was not saved: {}", job.id, job.status.get(), unsaved.toString());
        } finally {
            running.remove(job.id);
        }
    }

    private static void add(Job job, Applier.Applied applied) {
        job.duplicate.addAndGet(applied.duplicate());
        job.applied.addAndGet(applied.applied());
        job.unchanged.addAndGet(applied.unchanged());
        job.stale.addAndGet(applied.stale());
    }

    /** The observations a record stands for: itself, or what the current rules make of a delivery. */
    private List<EventEnvelope<TaskObserved>> observationsOf(Job job, byte[] value) {
        EventEnvelope<?> envelope;
        try {
            envelope = value == null ? null : codec.decode(value);
        } catch (RuntimeException undecodable) {
            envelope = null;
        }
        if (envelope != null && envelope.payload() instanceof TaskObserved observed) {
            if (!wanted(job.request, envelope.orgId().value(), observed.connectionId().value())) {
                job.skipped.incrementAndGet();
                return List.of();
            }
            @SuppressWarnings("unchecked")
            EventEnvelope<TaskObserved> typed = (EventEnvelope<TaskObserved>) envelope;
            return List.of(typed);
        }
        if (envelope != null && envelope.payload() instanceof WebhookReceived delivery) {
            if (!wanted(job.request, envelope.orgId().value(), delivery.connectionId().value())) {
                job.skipped.incrementAndGet();
                return List.of();
            }
            @SuppressWarnings("unchecked")
            EventEnvelope<WebhookReceived> typed = (EventEnvelope<WebhookReceived>) envelope;
            try {
                List<EventEnvelope<TaskObserved>> observations = deliveries.of(typed).observations();
                if (observations.isEmpty()) {
                    job.skipped.incrementAndGet();
                }
                return observations;
            } catch (WebhookNormaliser.Unreadable unreadable) {
                job.unreadable.incrementAndGet();
                return List.of();
            }
        }
        job.unreadable.incrementAndGet();
        return List.of();
    }

    private static boolean wanted(ReplayRequest request, UUID organisation, UUID connection) {
        return (request.organisationId() == null || request.organisationId().equals(organisation))
                && (request.connectionId() == null || request.connectionId().equals(connection));
    }

    /** Per partition, the offsets {@code [start, end)} of the slice, fixed when the replay starts. */
    private Map<TopicPartition, long[]> sliceOf(ReplayRequest request, KafkaConsumer<String, byte[]> consumer) {
        String topic = request.topic();
        List<TopicPartition> partitions = consumer.partitionsFor(topic, settings.readTimeout()).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .filter(tp -> !request.byOffsets() || tp.partition() == request.partition())
                .toList();
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, settings.readTimeout());
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, settings.readTimeout());
        Map<TopicPartition, long[]> slice = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long start = starts.get(tp);
            long end = ends.get(tp);
            if (request.byOffsets()) {
                slice.put(tp, new long[] {Math.max(start, request.fromOffset()), Math.min(end, request.toOffset() + 1)});
            } else {
                slice.put(tp, new long[] {offsetAt(consumer, tp, request.from(), start, end), offsetAt(consumer, tp, request.to(), end, end)});
            }
        }
        return slice;
    }

    private long offsetAt(KafkaConsumer<String, byte[]> consumer, TopicPartition tp, Instant time, long ifOpen, long end) {
        if (time == null) {
            return ifOpen;
        }
        OffsetAndTimestamp found = consumer.offsetsForTimes(Map.of(tp, time.toEpochMilli()), settings.readTimeout()).get(tp);
        return found == null ? end : found.offset();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A shutdown stops the jobs running here; they are saved as interrupted (not resumed by the next start). */
    @Override
    public void destroy() {
        stopping = true;
        running.values().forEach(job -> job.cancelled.set(true));
        runner.dispose();
        try {
            store.interrupt(List.copyOf(running.keySet()), clock.instant());
        } catch (RuntimeException unsaved) {
            log.warn("Replays {} not marked interrupted; they read so once their heartbeat is a minute old: {}", running.keySet(),
                    unsaved.toString());
        }
    }
}
