package org.integrationhub.sync.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import org.integrationhub.events.Topics;
import org.integrationhub.sync.apply.Applier;
import org.integrationhub.sync.failures.ConsumerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Replays of {@code integration.task-observations}: each reads its slice with a consumer of its
 * own (assigned partitions, no group, so live consumption never stops or moves) and applies it
 * through the apply stage, batch by batch. Safe by default: what was applied before is a counted
 * duplicate and changes nothing. Runs in the background with progress and can be cancelled
 * between batches. Jobs are kept in memory: a restart forgets them (a running one stops).
 */
@Component
class ReplayJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReplayJobs.class);

    enum Status { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /** What a replay did so far. {@code total} is the number of records in its slice. */
    record Progress(UUID id, String status, ReplayRequest request, long total, long read, long skipped, long unreadable,
            long duplicate, long applied, long unchanged, long stale, Instant startedAt, Instant finishedAt, String error) {
    }

    private final class Job {
        final UUID id = UUID.randomUUID();
        final ReplayRequest request;
        final Instant startedAt;
        final AtomicReference<Status> status = new AtomicReference<>(Status.RUNNING);
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicLong total = new AtomicLong();
        final AtomicLong read = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong unreadable = new AtomicLong();
        final AtomicLong duplicate = new AtomicLong();
        final AtomicLong applied = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong stale = new AtomicLong();
        volatile Instant finishedAt;
        volatile String error;

        Job(ReplayRequest request) {
            this.request = request;
            this.startedAt = clock.instant();
        }

        Progress progress() {
            return new Progress(id, status.get().name().toLowerCase(java.util.Locale.ROOT), request, total.get(), read.get(), skipped.get(), unreadable.get(), duplicate.get(),
                    applied.get(), unchanged.get(), stale.get(), startedAt, finishedAt, error);
        }
    }

    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final KafkaProperties kafka;
    private final Applier applier;
    private final ConsumerSettings consumers;
    private final OpsSettings settings;
    private final Clock clock;
    private final EventCodec codec = new EventCodec();
    private final Scheduler runner = Schedulers.newBoundedElastic(2, 16, "ops-replay");

    ReplayJobs(KafkaProperties kafka, Applier applier, ConsumerSettings consumers, OpsSettings settings, Clock clock) {
        this.kafka = kafka;
        this.applier = applier;
        this.consumers = consumers;
        this.settings = settings;
        this.clock = clock;
    }

    Progress start(ReplayRequest request) {
        Job job = new Job(request.validated());
        jobs.put(job.id, job);
        runner.schedule(() -> run(job));
        log.info("Replay {} started", job.id);
        return job.progress();
    }

    Optional<Progress> find(UUID id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::progress);
    }

    List<Progress> all() {
        return jobs.values().stream().map(Job::progress).sorted(java.util.Comparator.comparing(Progress::startedAt).reversed()).toList();
    }

    /** Asks the replay to stop after its current batch; empty when there is no such replay. */
    Optional<Progress> cancel(UUID id) {
        Job job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        job.cancelled.set(true);
        return Optional.of(job.progress());
    }

    private void run(Job job) {
        try (var consumer = consumer()) {
            Map<TopicPartition, long[]> slice = sliceOf(job.request, consumer);
            job.total.set(slice.values().stream().mapToLong(range -> Math.max(0, range[1] - range[0])).sum());
            List<TopicPartition> open = new ArrayList<>(slice.keySet().stream().filter(tp -> slice.get(tp)[0] < slice.get(tp)[1]).toList());
            consumer.assign(open);
            open.forEach(tp -> consumer.seek(tp, slice.get(tp)[0]));
            while (!open.isEmpty() && !job.cancelled.get()) {
                List<EventEnvelope<TaskObserved>> batch = new ArrayList<>();
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < slice.get(tp)[1]) {
                        job.read.incrementAndGet();
                        observationOf(job, record.value()).ifPresent(batch::add);
                    }
                }
                Applied.add(job, applier.apply(batch).block(consumers.transactionTimeout()));
                List<TopicPartition> finished = open.stream().filter(tp -> consumer.position(tp) >= slice.get(tp)[1]).toList();
                consumer.pause(finished); // nothing more is fetched past a partition's end of the slice
                open.removeAll(finished);
            }
            job.status.set(job.cancelled.get() && !open.isEmpty() ? Status.CANCELLED : Status.SUCCEEDED);
        } catch (RuntimeException failure) {
            job.error = failure.getClass().getSimpleName();
            job.status.set(Status.FAILED);
            log.warn("Replay {} failed: {}", job.id, failure.toString());
        } finally {
            job.finishedAt = clock.instant();
            log.info("Replay {} {}: {} read, {} skipped, {} duplicate, {} applied", job.id, job.status.get(), job.read.get(),
                    job.skipped.get(), job.duplicate.get(), job.applied.get());
        }
    }

    private static final class Applied {
        static void add(Job job, Applier.Applied applied) {
            job.duplicate.addAndGet(applied.duplicate());
            job.applied.addAndGet(applied.applied());
            job.unchanged.addAndGet(applied.unchanged());
            job.stale.addAndGet(applied.stale());
        }
    }

    private Optional<EventEnvelope<TaskObserved>> observationOf(Job job, byte[] value) {
        EventEnvelope<?> envelope;
        try {
            envelope = value == null ? null : codec.decode(value);
        } catch (RuntimeException undecodable) {
            job.unreadable.incrementAndGet();
            return Optional.empty();
        }
        if (envelope == null || !(envelope.payload() instanceof TaskObserved observed)) {
            job.unreadable.incrementAndGet();
            return Optional.empty();
        }
        var request = job.request;
        if ((request.organisationId() != null && !request.organisationId().equals(envelope.orgId().value()))
                || (request.connectionId() != null && !request.connectionId().equals(observed.connectionId().value()))) {
            job.skipped.incrementAndGet();
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        EventEnvelope<TaskObserved> typed = (EventEnvelope<TaskObserved>) envelope;
        return Optional.of(typed);
    }

    /** Per partition, the offsets {@code [start, end)} of the slice, fixed when the replay starts. */
    private Map<TopicPartition, long[]> sliceOf(ReplayRequest request, KafkaConsumer<String, byte[]> consumer) {
        String topic = Topics.TASK_OBSERVATIONS.name();
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

    @Override
    public void destroy() {
        jobs.values().forEach(job -> job.cancelled.set(true));
        runner.dispose();
    }
}
