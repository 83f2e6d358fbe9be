package io.omnipulse.alerting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.hibernate.exception.DataException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "08003", "57P01", "57P02", "57P03", "40001", "40P01", "53300", "55P03"})
    void theDatabaseBeingAwayOrBusyIsTransient(String state) {
        assertThat(Failures.isTransient(wrapped(new SQLException("no", state)))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"22021", "22008", "22001", "23502", "23505", "54000", "42703"})
    void badDataAndBrokenConstraintsArePermanent(String state) {
        assertThat(Failures.isTransient(wrapped(new SQLException("no", state)))).isFalse();
    }

    @Test
    void connectionFailuresAndRetriableBrokerErrorsAreTransient() {
        assertThat(Failures.isTransient(new JDBCConnectionException("refused", new SQLException("x")))).isTrue();
        assertThat(Failures.isTransient(new IllegalStateException(new ConnectException("refused")))).isTrue();
        assertThat(Failures.isTransient(new NotLeaderOrFollowerException("moving"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
    }

    @Test
    void aCommitThatLostTheDatabaseIsTransientThoughTheErrorIsOnlySuppressed() {
        // As Narayana reports it: the resource's failure is suppressed by the rollback, not its cause.
        IllegalStateException rollback = new IllegalStateException("Could not commit transaction");
        rollback.addSuppressed(new IllegalStateException("commit failed", new SQLException("I/O error", "08006")));
        assertThat(Failures.isTransient(rollback)).isTrue();
        IllegalStateException otherwise = new IllegalStateException("Could not commit transaction");
        otherwise.addSuppressed(new SQLException("value too long", "22001"));
        assertThat(Failures.isTransient(otherwise)).isFalse();
    }

    @Test
    void anythingElseIsPermanent() {
        assertThat(Failures.isTransient(new DataException("out of range", new SQLException("x", "22008")))).isFalse();
        assertThat(Failures.isTransient(new RecordTooLargeException("2 MB"))).isFalse();
        assertThat(Failures.isTransient(new NullPointerException())).isFalse();
        assertThat(Failures.isTransient(new InvalidRecordException("team holds NUL"))).isFalse();
    }

    private static RuntimeException wrapped(SQLException sql) {
        return new PersistenceException("could not execute statement", new RuntimeException(sql));
    }
}
