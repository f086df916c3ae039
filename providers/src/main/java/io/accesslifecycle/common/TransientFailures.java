package io.accesslifecycle.common;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;

/**
 * Database failures that say "try again" rather than "this is wrong": lock timeouts, deadlocks and serialization
 * failures (SQL states 40xxx, PostgreSQL 55P03, H2 HYT00).
 */
public final class TransientFailures {

    private TransientFailures() {}

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LockTimeoutException || t instanceof PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("40") || state.equals("55P03") || state.equals("HYT00")) {
                    return true;
                }
            }
        }
        return false;
    }
}
