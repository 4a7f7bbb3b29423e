package org.integrationhub.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.integrationhub.benchmarks.report.Report;
import org.integrationhub.benchmarks.stack.Hub;
import org.integrationhub.benchmarks.stack.ResourceSampler;
import org.integrationhub.benchmarks.stack.RunningDevstack;

/** What every scenario of one run shares: sizes, the report, the running devstack and the hub as its user sees it. */
record Bench(BenchSettings settings, Report report, RunningDevstack devstack, Hub hub, UUID webhookConnection, String webhookSecret,
        Instant startedAt) {

    /** A JDBC connection to the devstack's database as the services' user (database, user and password are all {@code hub}). */
    Connection jdbc() throws SQLException {
        return DriverManager.getConnection(devstack.jdbcUrl(), "hub", "hub");
    }

    ResourceSampler sample(String phase) {
        return ResourceSampler.start(phase, devstack);
    }

    /** Ends a load phase: its resource figures, and the stage's first bottleneck as measured (busiest processes) with what would move it. */
    void finish(ResourceSampler sampler, String stage) {
        ResourceSampler.Phase phase = sampler.finish();
        report.phase(phase);
        report.bottleneck("**" + stage + "** — measured: " + BenchmarkRun.busiest(phase) + ". Expected: " + BenchmarkRun.moves(stage));
    }

    long count(String sql, Object... parameters) {
        try (Connection connection = jdbc(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
