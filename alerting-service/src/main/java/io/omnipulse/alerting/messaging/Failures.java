package io.omnipulse.alerting.messaging;

import jakarta.persistence.OptimisticLockException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a transient failure (waiting and trying again will succeed: the database or the broker is
 * away, a lock or serialization conflict) from a permanent one (the record itself is the problem:
 * bad data, a value out of range, a constraint it breaks). Anything not known to be transient is
 * permanent, so an unforeseen error costs one dead letter, never a stopped consumer.
 */
public final class Failures {

    /**
     * PostgreSQL SQLSTATEs worth waiting for: class 08 (connection exception), 53 (insufficient
     * resources), 57P01-57P03 (admin or crash shutdown, cannot connect now), 40001 and 40P01
     * (serialization failure, deadlock) and 55P03 (lock not available).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01", "55P03");

    private Failures() {
    }

    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof SocketException || t instanceof RetriableException
                    || t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
            if (isPoolClosedOrExhausted(t)) {
                return true;
            }
            // A commit that failed at the database: the transaction manager reports the resource's
            // error (the lost connection) as suppressed by its RollbackException, not as its cause.
            for (Throwable suppressed : t.getSuppressed()) {
                if (isTransient(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException sql) {
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state));
    }

    /**
     * Agroal reports an exhausted or closing pool with a plain SQLException and no SQLSTATE; waiting
     * helps (or, at shutdown, the record is left uncommitted and read again after the restart).
     */
    private static boolean isPoolClosedOrExhausted(Throwable t) {
        String message = t.getMessage();
        return t instanceof SQLException && message != null
                && (message.contains("Acquisition timeout") || message.contains("closed") || message.contains("shutdown"));
    }
}
