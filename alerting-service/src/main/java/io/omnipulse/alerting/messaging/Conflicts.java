package io.omnipulse.alerting.messaging;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Recognises the write conflicts that another writer can cause: the same event stored first
 * (unique source/event_id), the same alert opened first (the partial unique index), or the same
 * alert changed first (version check). Re-running the transaction resolves each of them.
 */
final class Conflicts {

    /** PostgreSQL's SQLSTATE for unique_violation. */
    static final String UNIQUE_VIOLATION = "23505";

    private Conflicts() {
    }

    static boolean isConflict(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
            if (t instanceof ConstraintViolationException c && isUnique(c.getSQLException())) {
                return true;
            }
            if (t instanceof SQLException sql && isUnique(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnique(SQLException sql) {
        return sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState());
    }
}
