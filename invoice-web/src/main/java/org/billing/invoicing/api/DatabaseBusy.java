package org.billing.invoicing.api;

import java.sql.SQLException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

/**
 * A failure that is the database's timeouts at work ({@code DatabaseTimeouts}): a lock another session
 * held past the lock timeout (SQLSTATE 55P03), or a statement ended by the statement timeout (57014).
 * The request is refused as {@code DATABASE_BUSY} and may be sent again; it is not an internal error.
 */
final class DatabaseBusy {

    private DatabaseBusy() {}

    static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("55P03".equals(sql.getSQLState()) || "57014".equals(sql.getSQLState()))) {
                return true;
            }
            if (cause instanceof LockTimeoutException
                    || cause instanceof PessimisticLockException
                    || cause instanceof QueryTimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
