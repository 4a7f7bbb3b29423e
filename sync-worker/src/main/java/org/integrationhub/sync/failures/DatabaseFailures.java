package org.integrationhub.sync.failures;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the database itself (down, unreachable, connections dropped, timed out,
 * deadlocked) from a failure of a record. The first is never the record's fault: the consumer
 * retries it forever and never dead-letters the record (ADR 0011).
 */
public final class DatabaseFailures {

    private static final List<Class<? extends Throwable>> UNAVAILABLE = List.of(
            DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, CannotCreateTransactionException.class,
            R2dbcTransientException.class, R2dbcNonTransientResourceException.class, R2dbcTimeoutException.class,
            IOException.class, TimeoutException.class, DatabaseUnavailable.class);

    private DatabaseFailures() {
    }

    /** True when {@code failure} or any of its causes says the database could not be used. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable current = t;
            if (UNAVAILABLE.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }

    /** Wraps a failure already classified as the database being unavailable. */
    public static final class DatabaseUnavailable extends RuntimeException {
        public DatabaseUnavailable(Throwable cause) {
            super("the database is unavailable: " + cause.getClass().getSimpleName(), cause);
        }
    }
}
