package org.integrationhub.sync.failures;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseFailuresTest {

    @Test
    void aDatabaseThatCannotBeReachedIsUnavailableHoweverDeeplyWrapped() {
        var refused = new CannotCreateTransactionException("Could not open R2DBC Connection for transaction",
                new R2dbcNonTransientResourceException("connection refused", new ConnectException("refused")));
        assertThat(DatabaseFailures.isUnavailable(new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException("database unavailable", refused, 0)))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new R2dbcTransientResourceException("too many connections"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("Timeout on blocking read", new TimeoutException()))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new PessimisticLockingFailureException("deadlock detected"))).isTrue();
    }

    @Test
    void aRecordThatBreaksARuleIsNotADatabaseOutage() {
        assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("check constraint",
                new R2dbcDataIntegrityViolationException("violates check constraint")))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new PoisonRecord("undecodable", null))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new NullPointerException())).isFalse();
    }
}
