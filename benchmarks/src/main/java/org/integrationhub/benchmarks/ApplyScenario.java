package org.integrationhub.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.integrationhub.benchmarks.report.Report;
import org.integrationhub.events.ConnectionId;
import org.integrationhub.events.EventEnvelope;
import org.integrationhub.events.OrgId;
import org.integrationhub.events.TaskObserved;

/**
 * Apply: task observations published to {@code integration.task-observations} → sync-worker's apply
 * stage (idempotency key, locked read, newer-version upsert, outbox row, one transaction per batch,
 * then the offsets). Measured from the first record published to the last idempotency key committed.
 * The ceiling writes the same rows with plain JDBC batches, one transaction per 500 (Kafka's default
 * {@code max.poll.records}), into copies of the same tables, with no Kafka.
 */
final class ApplyScenario {

    private static final int BATCH = 500;

    private ApplyScenario() {
    }

    static void run(Bench bench) throws Exception {
        int total = bench.settings().applyObservations();
        int[] sizes = {Math.max(1000, total / 8), Math.max(1000, total / 4), total};
        List<List<String>> rows = new ArrayList<>();
        double ours = 0;
        double ceiling = 0;
        prepareCeilingTables(bench);
        var sampler = bench.sample("apply load (observations through sync-worker, then the JDBC ceiling)");
        long next = 1;
        try {
            for (int size : sizes) {
                double[] measured = applyThroughHub(bench, next, size);
                double jdbc = applyWithJdbc(bench, next, size);
                next += size;
                rows.add(List.of(String.format(Locale.ROOT, "%,d", size), Report.fmt(measured[0]), Report.fmt(jdbc),
                        Report.pct(measured[0] / jdbc), Report.fmt(measured[1])));
                ours = measured[0];
                ceiling = jdbc;
            }
        } finally {
            bench.finish(sampler, "apply");
        }
        bench.report().table(new Report.Table("Apply: throughput by backlog size", List.of("observations", "sync-worker obs/s",
                "plain JDBC obs/s", "ratio", "publishing alone obs/s"), rows,
                "Each size is a new organisation's observations of new tasks, published as fast as the producer goes; sync-worker "
                        + "consumes them as they arrive."));
        double ratio = ours / ceiling;
        boolean met = ratio >= 0.25 && ours >= 20_000;
        bench.report().scenario(new Report.Scenario("apply", "observations/s committed", ours, "obs/s", ceiling,
                "same inserts as plain JDBC batches, no Kafka", ratio, "≥ 25% and ≥ 20,000/s", met,
                "Largest backlog (" + String.format(Locale.ROOT, "%,d", total) + " observations, all new tasks). sync-worker also reads "
                        + "each task row for update and resolves the assignee's resource, which the JDBC ceiling does not (its rows are all new)."));
    }

    /** {obs/s committed, obs/s published}: first record sent to last idempotency key committed. */
    private static double[] applyThroughHub(Bench bench, long first, int count) throws Exception {
        OrgId org = OrgId.random();
        ConnectionId connection = ConnectionId.random();
        long started = System.nanoTime();
        Duration publishing = Observations.publish(bench.devstack().kafkaBootstrapServers(), org, connection, first, count);
        long deadline = System.nanoTime() + Duration.ofSeconds(120 + count / 200).toNanos();
        long committed = 0;
        while (committed < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("apply: only " + committed + " of " + count + " observations committed in time");
            }
            Thread.sleep(100);
            committed = bench.count("select count(*) from sync.external_task_events where organisation_id = ?", org.value());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "apply: %,d observations committed by sync-worker in %.1f s (published in %.1f s)%n", count, seconds,
                publishing.toMillis() / 1e3);
        return new double[] {count / seconds, count / (publishing.toNanos() / 1e9)};
    }

    private static void prepareCeilingTables(Bench bench) throws SQLException {
        try (Connection db = bench.jdbc(); var statement = db.createStatement()) {
            statement.execute("drop schema if exists bench_ceiling cascade");
            statement.execute("create schema bench_ceiling");
            for (String table : List.of("external_task_events", "external_tasks", "outbox")) {
                statement.execute("create table bench_ceiling." + table + " (like sync." + table + " including all)");
            }
        }
    }

    /** The same rows as plain JDBC batches, one transaction per {@value #BATCH}: obs/s. */
    private static double applyWithJdbc(Bench bench, long first, int count) throws SQLException {
        OrgId org = OrgId.random();
        ConnectionId connection = ConnectionId.random();
        long started = System.nanoTime();
        try (Connection db = java.sql.DriverManager.getConnection(bench.devstack().jdbcUrl() + "?reWriteBatchedInserts=true", "hub", "hub");
                PreparedStatement events = db.prepareStatement("insert into bench_ceiling.external_task_events (organisation_id, "
                        + "idempotency_key, event_id, external_system, external_id, outcome) values (?, ?, ?, ?, ?, 'applied') "
                        + "on conflict do nothing");
                PreparedStatement tasks = db.prepareStatement("insert into bench_ceiling.external_tasks (id, organisation_id, "
                        + "connection_id, external_system, external_id, task_key, title, status, status_category, kind, assignee_user_id, "
                        + "assignee_email, assignee_name, project_key, labels, url, source_created_at, source_updated_at, content_hash, "
                        + "deleted, version, last_event_id, source, raw_payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, false, 1, ?, ?, ?) on conflict (organisation_id, external_system, external_id) do nothing");
                PreparedStatement outbox = db.prepareStatement("insert into bench_ceiling.outbox (id, aggregate_type, aggregate_id, type, "
                        + "topic, message_key, payload) values (?, 'external_task', ?, 'external_task.updated', "
                        + "'task.external-task-updates', ?, cast(? as jsonb))")) {
            db.setAutoCommit(false);
            for (long id = first; id < first + count; id++) {
                EventEnvelope<TaskObserved> envelope = Observations.observation(org, connection, id);
                TaskObserved o = envelope.payload();
                UUID taskId = UUID.randomUUID();
                events.setObject(1, org.value());
                events.setString(2, envelope.idempotencyKey());
                events.setObject(3, envelope.eventId());
                events.setString(4, o.system().wireName());
                events.setString(5, o.externalId());
                events.addBatch();
                tasks.setObject(1, taskId);
                tasks.setObject(2, org.value());
                tasks.setObject(3, connection.value());
                tasks.setString(4, o.system().wireName());
                tasks.setString(5, o.externalId());
                tasks.setString(6, o.key());
                tasks.setString(7, o.title());
                tasks.setString(8, o.status());
                tasks.setString(9, o.statusCategory());
                tasks.setString(10, o.kind().wireName());
                tasks.setString(11, o.assignee().externalUserId());
                tasks.setString(12, o.assignee().email());
                tasks.setString(13, o.assignee().displayName());
                tasks.setString(14, o.projectKey());
                tasks.setArray(15, db.createArrayOf("text", o.labels().toArray()));
                tasks.setString(16, o.url());
                tasks.setTimestamp(17, Timestamp.from(o.sourceCreatedAt()));
                tasks.setTimestamp(18, Timestamp.from(o.sourceUpdatedAt()));
                tasks.setString(19, envelope.idempotencyKey());
                tasks.setObject(20, envelope.eventId());
                tasks.setString(21, o.source().wireName());
                tasks.setString(22, o.rawPayload());
                tasks.addBatch();
                outbox.setObject(1, UUID.randomUUID());
                outbox.setString(2, taskId.toString());
                outbox.setString(3, Observations.key(envelope));
                outbox.setString(4, Observations.CODEC.encodeToString(envelope));
                outbox.addBatch();
                if ((id - first + 1) % BATCH == 0 || id == first + count - 1) {
                    events.executeBatch();
                    tasks.executeBatch();
                    outbox.executeBatch();
                    db.commit();
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "apply ceiling: %,d observations as JDBC batches in %.1f s%n", count, seconds);
        return count / seconds;
    }
}
