package org.supportintake.core.jdbc;

import java.time.Instant;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.outbox.OutboxMessage;
import org.supportintake.core.outbox.OutboxStore;

/** {@link OutboxStore} on one Jdbi handle. */
final class JdbcOutboxStore implements OutboxStore {

    private final Handle handle;
    private final WriteBehind writes;

    JdbcOutboxStore(WriteBehind writes) {
        this.handle = writes.handle();
        this.writes = writes;
    }

    private static final String COLUMNS = "insert into outbox (ticket_id, kind, message_id, recipient, subject, body, "
            + "html_body, in_reply_to, reference_ids, created_at, next_attempt_at) ";

    @Override
    public long add(OutboxMessage message) {
        return bind(handle.createUpdate(COLUMNS + "values (:ticketId, :kind, :messageId, :recipient, :subject, :body, "
                + ":html, :inReplyTo, :references, :createdAt, :createdAt)"), message)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    // The count and the insert in one statement: a round trip less for every acknowledgement. The casts give the
    // parameters of a SELECT without a table their columns' types, which PostgreSQL would otherwise take for text.
    private static final String ADD_WITHIN = COLUMNS + "select cast(? as bigint), cast(? as varchar(40)), "
            + "cast(? as varchar(998)), cast(? as varchar(254)), cast(? as varchar(400)), cast(? as text), "
            + "cast(? as text), cast(? as text), cast(? as text), cast(? as timestamp with time zone), "
            + "cast(? as timestamp with time zone) where (select count(*) from outbox "
            + "where recipient_key = lower(cast(? as varchar(254))) and created_at >= cast(? as timestamp with time zone)) "
            + "< ?";

    @Override
    public void addWithin(OutboxMessage message, Instant since, int limit, IntakeEvent heldBack) {
        writes.write(ADD_WITHIN, null,
                SqlValues.orNull(message.ticketId()),
                message.kind().code(),
                message.messageId(),
                message.recipient(),
                SqlValues.varchar(message.subject(), 400),
                SqlValues.text(message.body()),
                SqlValues.text(message.html()),
                SqlValues.text(message.inReplyTo()),
                SqlValues.text(String.join(" ", message.references())),
                message.createdAt(),
                message.createdAt(),
                message.recipient(),
                since,
                limit);
        // the message id is ours and new: no row has it unless the insert above wrote it
        new JdbcIntakeLog(writes).appendUnlessMail(heldBack, message.messageId());
    }

    private static Update bind(Update insert, OutboxMessage message) {
        return insert.bind("ticketId", SqlValues.orNull(message.ticketId()))
                .bind("kind", message.kind().code())
                .bind("messageId", message.messageId())
                .bind("references", SqlValues.text(String.join(" ", message.references())))
                .bind("recipient", message.recipient())
                .bind("subject", SqlValues.varchar(message.subject(), 400))
                .bind("body", SqlValues.text(message.body()))
                .bind("html", SqlValues.text(message.html()))
                .bind("inReplyTo", SqlValues.text(message.inReplyTo()))
                .bind("createdAt", SqlValues.timestamp(message.createdAt()));
    }

    @Override
    public long countTo(String recipient, Instant since) {
        // recipient_key is lower(recipient), kept by the database and indexed with created_at (V14_1)
        return handle.createQuery("select count(*) from outbox where recipient_key = lower(:recipient) "
                        + "and created_at >= :since")
                .bind("recipient", recipient).bind("since", SqlValues.timestamp(since)).mapTo(Long.class).one();
    }

    @Override
    public int cancelPending(long ticketId, Instant at) {
        return handle.createUpdate("update outbox set failed_at = :at, next_attempt_at = null, last_error = :error "
                        + "where ticket_id = :ticket and sent_at is null and failed_at is null "
                        + "and (claimed_until is null or claimed_until < :at)")
                .bind("ticket", ticketId).bind("at", SqlValues.timestamp(at)).bind("error", OutboxStore.CANCELLED)
                .execute();
    }
}
