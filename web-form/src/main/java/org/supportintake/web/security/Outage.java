package org.supportintake.web.security;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.supportintake.attachments.store.UnableToStoreAttachmentException;

/**
 * Whether a failure is the service's parts being out of reach for a while, not a fault in the request or the
 * code: the database unreachable or shutting down (connection errors, SQLState classes 08, 53, 57P, H2 closed),
 * or the file store unable to write (a full disk). Such a request is answered 503, to be tried again later.
 */
final class Outage {

    /** H2's "database is closed" and "called at shutdown". */
    private static final Set<String> H2_CLOSED = Set.of("90098", "90121");
    private static final int MAX_CAUSES = 32;

    private Outage() {
    }

    static boolean explains(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof UnableToStoreAttachmentException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                        || H2_CLOSED.contains(state);
            }
        }
        return false;
    }
}
