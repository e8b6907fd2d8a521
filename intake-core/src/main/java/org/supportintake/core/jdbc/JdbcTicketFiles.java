package org.supportintake.core.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.core.log.EventKind;
import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.outbox.OutboxStore;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Coded;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.ticket.TicketStatus;
import org.supportintake.core.work.TicketFile;
import org.supportintake.core.work.TicketFiles;

/** {@link TicketFiles} with one short read per part of the file, on one handle. */
public final class JdbcTicketFiles implements TicketFiles {

    private final Jdbi jdbi;

    public JdbcTicketFiles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<TicketFile> find(TicketNumber number) {
        return jdbi.withHandle(h -> h.createQuery("select * from ticket where number = :number")
                .bind("number", number.toString())
                .map((row, ctx) -> new Head(summary(row, number), requester(row)))
                .findOne()
                .map(head -> new TicketFile(head.summary(), head.requester(), messages(h, head.summary().id()),
                        events(h, head.summary().id()), mails(h, head.summary().id()))));
    }

    @Override
    public Optional<StoredAttachment> accepted(long attachmentId) {
        return jdbi.withHandle(h -> h.createQuery("select a.id, a.name, a.detected_type, a.size_bytes, a.sha256, "
                        + "t.number from attachment a join message m on m.id = a.message_id "
                        + "join ticket t on t.id = m.ticket_id where a.id = :id and a.verdict = 'accepted'")
                .bind("id", attachmentId)
                .map((row, ctx) -> new StoredAttachment(row.getLong("id"),
                        TicketNumber.parse(row.getString("number")).orElseThrow(), row.getString("name"),
                        row.getString("detected_type"), row.getLong("size_bytes"), row.getString("sha256")))
                .findOne());
    }

    private static TicketFile.Summary summary(ResultSet row, TicketNumber number) throws SQLException {
        return new TicketFile.Summary(row.getLong("id"), number, code(Channel.class, row.getString("channel")),
                code(TicketStatus.class, row.getString("status")), code(Priority.class, row.getString("priority")),
                row.getString("category"), row.getString("title"), SqlValues.instant(row, "created_at"),
                SqlValues.instant(row, "due_at"), row.getBoolean("overdue"), row.getBoolean("at_risk"),
                row.getBoolean("repeat_request"), Optional.ofNullable(row.getString("assignee")),
                Optional.ofNullable(row.getString("related_ticket")));
    }

    private static TicketFile.Requester requester(ResultSet row) throws SQLException {
        return new TicketFile.Requester(row.getString("requester_name"), row.getString("requester_email"),
                row.getString("requester_phone"), row.getString("callback_time"),
                Optional.ofNullable(SqlValues.instant(row, "consent_at")),
                Optional.ofNullable(row.getString("consent_version")));
    }

    private static List<TicketFile.Message> messages(Handle handle, long ticketId) {
        Map<Long, List<TicketFile.Attachment>> files = handle.createQuery("select a.message_id, a.id, a.name, "
                        + "a.detected_type, a.size_bytes, a.verdict, a.reason from attachment a "
                        + "join message m on m.id = a.message_id where m.ticket_id = :ticket order by a.id")
                .bind("ticket", ticketId)
                .map((row, ctx) -> Map.entry(row.getLong("message_id"), new TicketFile.Attachment(row.getLong("id"),
                        row.getString("name"), row.getString("detected_type"), row.getLong("size_bytes"),
                        "accepted".equals(row.getString("verdict")), reason(row.getString("reason")))))
                .stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return handle.createQuery("select id, direction, channel, sender_name, sender_email, received_at, subject, body, "
                        + "quoted from message where ticket_id = :ticket order by received_at, id")
                .bind("ticket", ticketId)
                .map((row, ctx) -> new TicketFile.Message(row.getLong("id"), row.getString("direction"),
                        code(Channel.class, row.getString("channel")), row.getString("sender_name"),
                        row.getString("sender_email"), SqlValues.instant(row, "received_at"), row.getString("subject"),
                        row.getString("body"), row.getString("quoted"),
                        files.getOrDefault(row.getLong("id"), List.of())))
                .list();
    }

    private static List<TicketFile.Event> events(Handle handle, long ticketId) {
        return handle.createQuery("select occurred_at, kind, staff, detail from intake_event where ticket_id = :ticket "
                        + "order by occurred_at, id")
                .bind("ticket", ticketId)
                .map((row, ctx) -> new TicketFile.Event(SqlValues.instant(row, "occurred_at"),
                        code(EventKind.class, row.getString("kind")), nonNull(row.getString("staff")),
                        row.getString("detail")))
                .list();
    }

    private static List<TicketFile.Mail> mails(Handle handle, long ticketId) {
        return handle.createQuery("select id, kind, recipient, subject, created_at, sent_at, failed_at, attempts, "
                        + "last_error from outbox where ticket_id = :ticket order by created_at, id")
                .bind("ticket", ticketId)
                .map((row, ctx) -> {
                    Optional<Instant> sentAt = Optional.ofNullable(SqlValues.instant(row, "sent_at"));
                    boolean failed = SqlValues.instant(row, "failed_at") != null;
                    Optional<String> error = Optional.ofNullable(row.getString("last_error"));
                    return new TicketFile.Mail(row.getLong("id"), code(OutboxKind.class, row.getString("kind")),
                            row.getString("recipient"), row.getString("subject"), SqlValues.instant(row, "created_at"),
                            sentAt, row.getInt("attempts"), error, state(sentAt.isPresent(), failed, error));
                })
                .list();
    }

    private static TicketFile.MailState state(boolean sent, boolean failed, Optional<String> error) {
        if (sent) {
            return TicketFile.MailState.SENT;
        }
        if (failed) {
            return error.filter(OutboxStore.CANCELLED::equals).isPresent()
                    ? TicketFile.MailState.CANCELLED : TicketFile.MailState.FAILED;
        }
        return TicketFile.MailState.PENDING;
    }

    private static Optional<RejectionReason> reason(String code) {
        return code == null ? Optional.empty()
                : java.util.Arrays.stream(RejectionReason.values()).filter(r -> r.code().equals(code)).findFirst();
    }

    private static <E extends Enum<E> & Coded> E code(Class<E> type, String code) {
        return Coded.byCode(type, code).orElseThrow(() -> new IllegalStateException(
                "unknown " + type.getSimpleName() + " in the database: " + code));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private record Head(TicketFile.Summary summary, TicketFile.Requester requester) {
    }
}
