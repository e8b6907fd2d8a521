package org.supportintake.core.jdbc;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.core.submission.EmailFacts;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.ticket.DuplicateExternalIdException;
import org.supportintake.core.ticket.MessageStore;

/** {@link MessageStore} on one Jdbi handle; the unique external id turns a race into {@link DuplicateExternalIdException}. */
final class JdbcMessageStore implements MessageStore {

    private final Handle handle;
    private final WriteBehind writes;

    JdbcMessageStore(WriteBehind writes) {
        this.handle = writes.handle();
        this.writes = writes;
    }

    @Override
    public void insertIncoming(long ticketId, Submission submission) {
        if (submission.attachments().isEmpty()) {
            // nothing reads its id: it may go with the transaction's next statement
            writes.write(INSERT, failure -> duplicate(submission, failure), messageValues(ticketId, submission));
            return;
        }
        long messageId;
        try {
            messageId = new PreparedSql(writes, INSERT).insert(messageValues(ticketId, submission)).orElseThrow();
        } catch (UnableToExecuteStatementException e) {
            throw duplicate(submission, e);
        }
        for (ReceivedFile file : submission.attachments()) {
            insertAttachment(messageId, file);
        }
    }

    /** A unique violation is another delivery of the same message, stored first; anything else is itself. */
    private static RuntimeException duplicate(Submission submission, RuntimeException failure) {
        return SqlValues.isUniqueViolation(failure) ? new DuplicateExternalIdException(submission.externalId(), failure)
                : failure;
    }

    private static final String INSERT = "insert into message (ticket_id, external_id, channel, direction, received_at, "
            + "sender_email, sender_name, subject, body, quoted, message_id, in_reply_to, reference_ids, raw_sha256) "
            + "values (?, ?, ?, 'in', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static Object[] messageValues(long ticketId, Submission submission) {
        EmailFacts facts = submission.emailFacts().orElse(EmailFacts.NONE);
        return new Object[] {
                ticketId,
                SqlValues.id(submission.externalId()),
                submission.channel().code(),
                submission.receivedAt(),
                SqlValues.varchar(submission.sender().email().strip(), 254),
                SqlValues.varchar(submission.sender().fullName().strip(), 1000),
                SqlValues.text(submission.subject()),
                SqlValues.text(submission.text()),
                SqlValues.text(facts.quotedText()),
                SqlValues.id(facts.messageId()),
                SqlValues.text(facts.inReplyTo()),
                SqlValues.text(String.join(" ", facts.references())),
                SqlValues.varchar(facts.rawSha256(), 64)};
    }

    @Override
    public java.util.List<String> citizenMessageIds(long ticketId) {
        return handle.createQuery("select message_id from message where ticket_id = :id and message_id like '<%' "
                + "order by received_at, id").bind("id", ticketId).mapTo(String.class).list();
    }

    private void insertAttachment(long messageId, ReceivedFile file) {
        handle.createUpdate("insert into attachment (message_id, name, declared_type, detected_type, size_bytes, "
                        + "sha256, verdict, reason) values (:messageId, :name, :declared, :detected, :size, :sha256, "
                        + ":verdict, :reason)")
                .bind("messageId", messageId)
                .bind("name", SqlValues.varchar(file.name(), 255))
                .bind("declared", SqlValues.varchar(file.declaredType(), 255))
                .bind("detected", SqlValues.varchar(file.inspection().detectedType(), 255))
                .bind("size", file.inspection().size())
                .bind("sha256", file.inspection().sha256())
                .bind("verdict", file.verdict().isAccepted() ? "accepted" : "rejected")
                .bind("reason", file.rejection().map(RejectionReason::code).orElse(null))
                .execute();
    }
}
