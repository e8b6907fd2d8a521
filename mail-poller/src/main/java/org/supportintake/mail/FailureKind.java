package org.supportintake.mail;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import jakarta.mail.FolderClosedException;
import jakarta.mail.StoreClosedException;

import org.eclipse.angus.mail.util.MailConnectException;
import org.supportintake.attachments.store.UnableToStoreAttachmentException;
import org.supportintake.core.intake.GroupCommitSpoiledException;
import org.supportintake.core.ticket.DuplicateExternalIdException;
import org.supportintake.mail.mime.UnableToReadMailException;

/**
 * Whose fault a failure while taking one message is, decided here and nowhere else. The first
 * decisive cause, from the outside in, wins; what nothing claims belongs to the message.
 */
public enum FailureKind {

    /** The database, the file store or the mail server is unreachable: the message stays in the inbox, the poll backs off. */
    INFRASTRUCTURE,
    /** May pass on a later poll (a lock, a serialization conflict, memory): the message stays, and is set aside after a few polls. */
    TRANSIENT,
    /** Belongs to this message (its content, or what reading it did to us): it is set aside now. */
    MESSAGE,
    /** The JVM itself is in doubt (other than a stack overflow or lack of memory): never contained. */
    FATAL;

    /** H2's "database is closed" and "called at shutdown": the embedded database is gone. */
    private static final Set<String> H2_CLOSED = Set.of("90098", "90121");
    private static final int MAX_CAUSES = 32;

    public static FailureKind of(Throwable failure) {
        if (failure instanceof VirtualMachineError error) {
            return error instanceof StackOverflowError ? MESSAGE : error instanceof OutOfMemoryError ? TRANSIENT : FATAL;
        }
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            FailureKind kind = ofOne(cause);
            if (kind != null) {
                return kind;
            }
        }
        return MESSAGE;
    }

    /** For the Failed folder and the intake log: English, one line, no personal data (a database's message may quote a row). */
    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return "the database refused the message (SQLState " + sql.getSQLState() + ")";
            }
        }
        if (failure instanceof StackOverflowError) {
            return "StackOverflowError while reading the message (structure nested too deep)";
        }
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage().replaceAll("\\s+", " ");
        String line = failure.getClass().getSimpleName() + message;
        return line.length() <= 500 ? line : line.substring(0, 500) + "…";
    }

    private static FailureKind ofOne(Throwable cause) {
        if (cause instanceof UnableToStoreAttachmentException || cause instanceof UnableToReadMailException
                || cause instanceof MailServerUnreachableException
                || cause instanceof FolderClosedException || cause instanceof StoreClosedException
                || cause instanceof MailConnectException || cause instanceof GroupCommitSpoiledException) {
            return INFRASTRUCTURE; // for the spoiled batch: it is rolled back and its messages taken one at a time
        }
        if (cause instanceof DuplicateExternalIdException) {
            return TRANSIENT; // another node stored it meanwhile: the next poll finds the duplicate
        }
        return cause instanceof SQLException sql ? ofSql(sql) : null;
    }

    private static FailureKind ofSql(SQLException sql) {
        if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException) {
            return INFRASTRUCTURE;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || H2_CLOSED.contains(state)) {
            return INFRASTRUCTURE; // connection, insufficient resources, server shutting down
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return MESSAGE; // data exception, integrity constraint: this message's values
        }
        return TRANSIENT;
    }
}
