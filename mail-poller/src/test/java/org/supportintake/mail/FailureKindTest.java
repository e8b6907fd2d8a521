package org.supportintake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;

import org.junit.jupiter.api.Test;
import org.supportintake.attachments.store.UnableToStoreAttachmentException;
import org.supportintake.mail.mime.UnableToReadMailException;

class FailureKindTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("statement failed", cause);
    }

    @Test
    void unreachableDatabaseFileStoreOrMailServerIsInfrastructure() {
        assertThat(FailureKind.of(wrapped(new SQLTransientConnectionException("pool - Connection is not available"))))
                .isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(FailureKind.of(wrapped(new SQLException("connection refused", "08001"))))
                .isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(FailureKind.of(wrapped(new SQLException("terminating connection due to administrator command", "57P01"))))
                .isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(FailureKind.of(wrapped(new SQLException("could not extend file: No space left on device", "53100"))))
                .isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(FailureKind.of(wrapped(new SQLException("Database is already closed", "90121"))))
                .isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(FailureKind.of(new UnableToStoreAttachmentException("cannot stage", new IOException("read-only"))))
                .isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(FailureKind.of(new UnableToReadMailException("cannot read the stored message", new IOException("EIO"))))
                .isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(FailureKind.of(new MailServerUnreachableException(new FolderClosedException(null, "BYE"))))
                .isEqualTo(FailureKind.INFRASTRUCTURE);
    }

    @Test
    void dataTheDatabaseRefusesAndWhateverReadingThrowsBelongToTheMessage() {
        assertThat(FailureKind.of(wrapped(new SQLDataException("invalid byte sequence for encoding UTF8: 0x00", "22021"))))
                .isEqualTo(FailureKind.MESSAGE);
        assertThat(FailureKind.of(wrapped(new SQLIntegrityConstraintViolationException("null value", "23502"))))
                .isEqualTo(FailureKind.MESSAGE);
        assertThat(FailureKind.of(new StackOverflowError())).isEqualTo(FailureKind.MESSAGE);
        assertThat(FailureKind.of(new MessagingException("Missing start boundary"))).isEqualTo(FailureKind.MESSAGE);
        assertThat(FailureKind.of(new NullPointerException())).isEqualTo(FailureKind.MESSAGE);
    }

    @Test
    void conflictsAndLackOfMemoryMayPassAndOtherJvmErrorsAreNeverContained() {
        assertThat(FailureKind.of(wrapped(new SQLTransactionRollbackException("could not serialize access", "40001"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(wrapped(new SQLException("canceling statement due to statement timeout", "57014"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new OutOfMemoryError("Java heap space"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new InternalError("broken"))).isEqualTo(FailureKind.FATAL);
    }

    @Test
    void reasonNamesTheSqlStateButNeverTheDatabaseMessageWhichMayQuoteTheRow() {
        assertThat(FailureKind.describe(wrapped(new SQLIntegrityConstraintViolationException(
                "null value in column \"requester_email\" violates not-null constraint. Failing row contains (ivanova@example.ru)",
                "23502")))).isEqualTo("the database refused the message (SQLState 23502)");
        assertThat(FailureKind.describe(new MessagingException("Missing start\n boundary")))
                .isEqualTo("MessagingException: Missing start boundary");
    }
}
