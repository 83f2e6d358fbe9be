package io.omnipulse.alerting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

class ConflictsTest {

    @Test
    void aUniqueViolationDeepInTheCauseChainIsAConflict() {
        SQLException sql = new SQLException("duplicate key value", Conflicts.UNIQUE_VIOLATION);
        RuntimeException wrapped = new PersistenceException("flush failed",
                new ConstraintViolationException("dup", sql, "alert_trigger_source_event_id_key"));
        assertThat(Conflicts.isConflict(wrapped)).isTrue();
    }

    @Test
    void aConcurrentUpdateOfTheSameAlertIsAConflict() {
        assertThat(Conflicts.isConflict(new RuntimeException(new OptimisticLockException("stale")))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        SQLException notNull = new SQLException("null value in column", "23502");
        SQLException connection = new SQLException("connection refused", "08001");
        assertThat(Conflicts.isConflict(new PersistenceException(notNull))).isFalse();
        assertThat(Conflicts.isConflict(new PersistenceException(connection))).isFalse();
        assertThat(Conflicts.isConflict(new IllegalStateException("boom"))).isFalse();
    }
}
