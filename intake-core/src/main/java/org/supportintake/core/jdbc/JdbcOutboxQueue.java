package org.supportintake.core.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.jdbi.v3.core.Jdbi;
import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.outbox.OutboxMessage;
import org.supportintake.core.outbox.OutboxQueue;
import org.supportintake.core.outbox.PendingMail;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Coded;

/**
 * {@link OutboxQueue} with one conditional update per claim, which the same SQL makes atomic on PostgreSQL and
 * H2 alike: of two nodes claiming one row, the second updates nothing.
 */
public final class JdbcOutboxQueue implements OutboxQueue {

    private static final int ERROR_WIDTH = 1000;

    private final Jdbi jdbi;

    public JdbcOutboxQueue(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Long> due(Instant now, int max) {
        return jdbi.withHandle(h -> h.createQuery("select id from outbox where next_attempt_at <= :now "
                        + "and (claimed_until is null or claimed_until < :now) order by next_attempt_at, id limit :max")
                .bind("now", SqlValues.timestamp(now)).bind("max", max).mapTo(Long.class).list());
    }

    @Override
    public Optional<PendingMail> claim(long id, Instant now, Duration lease) {
        return jdbi.inTransaction(h -> {
            int claimed = h.createUpdate("update outbox set claimed_until = :until, attempts = attempts + 1 "
                            + "where id = :id and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)")
                    .bind("id", id).bind("now", SqlValues.timestamp(now)).bind("until", SqlValues.timestamp(now.plus(lease)))
                    .execute();
            if (claimed == 0) {
                return Optional.empty();
            }
            return Optional.of(h.createQuery("select o.*, t.channel from outbox o left join ticket t on t.id = o.ticket_id "
                            + "where o.id = :id")
                    .bind("id", id)
                    .map((row, ctx) -> {
                        long ticketId = row.getLong("ticket_id");
                        OptionalLong ticket = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(ticketId);
                        String references = row.getString("reference_ids");
                        OutboxMessage message = new OutboxMessage(ticket,
                                Coded.byCode(OutboxKind.class, row.getString("kind")).orElseThrow(),
                                row.getString("message_id"), row.getString("recipient"), row.getString("subject"),
                                row.getString("body"), row.getString("html_body"), row.getString("in_reply_to"),
                                references.isBlank() ? List.of() : Arrays.asList(references.split(" ")),
                                SqlValues.instant(row, "created_at"));
                        String channel = row.getString("channel");
                        return new PendingMail(id, row.getInt("attempts"),
                                channel == null ? Channel.EMAIL : Coded.byCode(Channel.class, channel).orElseThrow(),
                                message);
                    })
                    .one());
        });
    }

    @Override
    public void sent(long id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("update outbox set sent_at = :at, next_attempt_at = null, claimed_until = null "
                + "where id = :id").bind("id", id).bind("at", SqlValues.timestamp(at)).execute());
    }

    @Override
    public void retryAt(long id, Instant next, String error) {
        jdbi.useHandle(h -> h.createUpdate("update outbox set next_attempt_at = :next, claimed_until = null, "
                        + "last_error = :error where id = :id")
                .bind("id", id).bind("next", SqlValues.timestamp(next))
                .bind("error", SqlValues.varchar(error, ERROR_WIDTH)).execute());
    }

    @Override
    public void failed(PendingMail mail, Instant at, String error, String eventDetail) {
        jdbi.useTransaction(h -> {
            h.createUpdate("update outbox set failed_at = :at, next_attempt_at = null, claimed_until = null, "
                            + "last_error = :error where id = :id")
                    .bind("id", mail.id()).bind("at", SqlValues.timestamp(at))
                    .bind("error", SqlValues.varchar(error, ERROR_WIDTH)).execute();
            // The queue's «письмо не доставлено» flag (V10): kept on the ticket so the queue need not search the outbox.
            h.createUpdate("update ticket set ack_failed = true where id = (select ticket_id from outbox where id = :id)")
                    .bind("id", mail.id()).execute();
            String messageId = mail.message().messageId();
            new JdbcIntakeLog(h).append(new IntakeEvent(at, EventKind.ACKNOWLEDGEMENT_FAILED, mail.channel(),
                    messageId, mail.message().ticketId(), eventDetail));
        });
    }
}
