package org.supportintake.core.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.supportintake.core.sla.ReplyDeadline;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Coded;
import org.supportintake.core.ticket.NewTicket;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.Ticket;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.ticket.TicketStatus;
import org.supportintake.core.ticket.TicketStore;

/** {@link TicketStore} on one Jdbi handle. */
final class JdbcTicketStore implements TicketStore {

    static final String COLUMNS = "t.id, t.number, t.channel, t.status, t.priority, t.category, t.title, "
            + "t.requester_email, t.created_at, t.due_at, t.at_risk_from, t.allowed_seconds, t.paused_since, t.overdue, "
            + "t.repeat_request";

    private static final String COLUMNS_INSERTED = "insert into ticket (number, channel, status, priority, category, "
            + "title, requester_email, requester_name, requester_phone, callback_time, consent_at, consent_version, "
            + "related_ticket, created_at, due_at, at_risk_from, allowed_seconds) values (";
    private static final String VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** PostgreSQL: the number made from the sequence in the insert itself (V18_1), one round trip for both. */
    private static final String INSERT_NUMBERED = COLUMNS_INSERTED + "ticket_number(?, nextval('ticket_serial')), " + VALUES;
    private static final String INSERT = COLUMNS_INSERTED + "?, " + VALUES;
    private static final String[] ID_AND_NUMBER = {"id", "number"};

    private final Handle handle;
    private final WriteBehind writes;
    private final boolean numbersInSql;

    /** {@code numbersInSql}: the database has {@code ticket_number(year, serial)} (PostgreSQL, V18_1). */
    JdbcTicketStore(WriteBehind writes, boolean numbersInSql) {
        this.handle = writes.handle();
        this.writes = writes;
        this.numbersInSql = numbersInSql;
    }

    @Override
    public Ticket open(NewTicket ticket) {
        var submission = ticket.submission();
        var consent = submission.consent();
        Object[] values = {
                numbersInSql ? (Object) ticket.year() : nextNumber(ticket.year()).toString(),
                ticket.channel().code(),
                TicketStatus.ACCEPTED.code(),
                ticket.priority().code(),
                SqlValues.varchar(submission.category().strip(), 40),
                SqlValues.varchar(ticket.title(), 200),
                SqlValues.varchar(submission.sender().email().strip(), 254),
                SqlValues.varchar(submission.sender().fullName().strip(), 1000),
                SqlValues.varchar(ticket.phoneE164(), 20),
                SqlValues.varchar(submission.callbackTime().strip(), 20),
                consent.map(c -> c.givenAt()).orElse(null),
                SqlValues.varchar(consent.map(c -> c.textVersion()).orElse(null), 40),
                ticket.relatedTicket().map(TicketNumber::toString).orElse(null),
                submission.receivedAt(),
                ticket.deadline().dueAt(),
                ticket.deadline().atRiskFrom(),
                ticket.deadline().allowed().toSeconds()};
        Opened opened = new PreparedSql(writes, numbersInSql ? INSERT_NUMBERED : INSERT)
                .insert(ID_AND_NUMBER, keys -> new Opened(keys.getLong(1), keys.getString(2)), values)
                .orElseThrow();
        // parsed, check digit and all: a number the database wrote otherwise than TicketNumber does fails here
        TicketNumber number = TicketNumber.parse(opened.number())
                .orElseThrow(() -> new IllegalStateException("the database wrote a malformed ticket number"));
        return new Ticket(opened.id(), number, ticket.channel(), TicketStatus.ACCEPTED, ticket.priority(),
                submission.category().strip(), ticket.title(), submission.sender().email().strip(),
                submission.receivedAt(), ticket.deadline(), Optional.empty(), false, false);
    }

    private TicketNumber nextNumber(int year) {
        return TicketNumber.of(year, new PreparedSql(writes, "select nextval('ticket_serial')")
                .first(row -> row.getLong(1)).orElseThrow());
    }

    /** What the insert of a ticket generated. */
    private record Opened(long id, String number) {
    }

    @Override
    public Optional<Ticket> find(TicketNumber number) {
        return handle.createQuery("select " + COLUMNS + " from ticket t where t.number = :number")
                .bind("number", number.toString())
                .map((row, ctx) -> ticket(row)).findOne();
    }

    @Override
    public Optional<Ticket> findByMessageIds(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return handle.createQuery("select " + COLUMNS + " from ticket t where t.id in ("
                        + "select o.ticket_id from outbox o where o.message_id in (<ids>) "
                        + "union select m.ticket_id from message m where m.message_id in (<ids>)) "
                        + "order by t.id desc limit 1")
                .bindList("ids", messageIds.stream().map(SqlValues::id).toList())
                .map((row, ctx) -> ticket(row)).findOne();
    }

    @Override
    public Optional<Ticket> findByExternalId(String externalId) {
        return handle.createQuery("select " + COLUMNS + " from ticket t join message m on m.ticket_id = t.id "
                        + "where m.external_id = :externalId")
                .bind("externalId", SqlValues.id(externalId))
                .map((row, ctx) -> ticket(row)).findOne();
    }

    @Override
    public void updateStatus(long ticketId, TicketStatus status) {
        handle.createUpdate("update ticket set status = :status where id = :id")
                .bind("status", status.code()).bind("id", ticketId).execute();
    }

    @Override
    public void markRepeatRequest(long ticketId) {
        handle.createUpdate("update ticket set repeat_request = true where id = :id").bind("id", ticketId).execute();
    }

    @Override
    public Optional<Ticket> find(long ticketId) {
        return handle.createQuery("select " + COLUMNS + " from ticket t where t.id = :id")
                .bind("id", ticketId).map((row, ctx) -> ticket(row)).findOne();
    }

    @Override
    public Optional<Ticket> findForUpdate(long ticketId) {
        return handle.createQuery("select " + COLUMNS + " from ticket t where t.id = :id for update")
                .bind("id", ticketId).map((row, ctx) -> ticket(row)).findOne();
    }

    @Override
    public Optional<Ticket> findForUpdate(TicketNumber number) {
        return handle.createQuery("select " + COLUMNS + " from ticket t where t.number = :number for update")
                .bind("number", number.toString()).map((row, ctx) -> ticket(row)).findOne();
    }

    @Override
    public void assign(long ticketId, String staff, TicketStatus status) {
        handle.createUpdate("update ticket set assignee = :staff, status = :status where id = :id")
                .bind("id", ticketId).bind("staff", SqlValues.varchar(staff, 100)).bind("status", status.code()).execute();
    }

    @Override
    public void pause(long ticketId, TicketStatus status, Instant since) {
        handle.createUpdate("update ticket set status = :status, paused_since = :since, answered = true, "
                        + "overdue = false, at_risk = false where id = :id")
                .bind("id", ticketId).bind("status", status.code()).bind("since", SqlValues.timestamp(since)).execute();
    }

    @Override
    public void resume(long ticketId, TicketStatus status, ReplyDeadline deadline) {
        handle.createUpdate("update ticket set status = :status, paused_since = null, answered = false, "
                        + "due_at = :due, at_risk_from = :atRisk, allowed_seconds = :allowed, overdue = false, "
                        + "at_risk = false where id = :id")
                .bind("id", ticketId).bind("status", status.code()).bindMap(deadline(deadline)).execute();
    }

    @Override
    public void reschedule(long ticketId, String category, Priority priority, ReplyDeadline deadline) {
        handle.createUpdate("update ticket set category = :category, priority = :priority, due_at = :due, "
                        + "at_risk_from = :atRisk, allowed_seconds = :allowed, overdue = false, at_risk = false "
                        + "where id = :id")
                .bind("id", ticketId).bind("category", SqlValues.varchar(category, 40)).bind("priority", priority.code())
                .bindMap(deadline(deadline)).execute();
    }

    private static java.util.Map<String, Object> deadline(ReplyDeadline deadline) {
        return java.util.Map.of("due", SqlValues.timestamp(deadline.dueAt()),
                "atRisk", SqlValues.timestamp(deadline.atRiskFrom()), "allowed", deadline.allowed().toSeconds());
    }

    private static Instant instantOf(ResultSet row, String column) {
        try {
            return SqlValues.instant(row, column);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + column, e);
        }
    }

    static Ticket ticket(ResultSet row) throws SQLException {
        return new Ticket(row.getLong("id"),
                TicketNumber.parse(row.getString("number")).orElseThrow(),
                Coded.byCode(Channel.class, row.getString("channel")).orElseThrow(),
                Coded.byCode(TicketStatus.class, row.getString("status")).orElseThrow(),
                Coded.byCode(Priority.class, row.getString("priority")).orElseThrow(),
                row.getString("category"), row.getString("title"), row.getString("requester_email"),
                SqlValues.instant(row, "created_at"),
                new ReplyDeadline(SqlValues.instant(row, "due_at"), SqlValues.instant(row, "at_risk_from"),
                        Duration.ofSeconds(row.getLong("allowed_seconds"))),
                Optional.ofNullable(row.getObject("paused_since")).map(ignored -> instantOf(row, "paused_since")),
                row.getBoolean("overdue"), row.getBoolean("repeat_request"));
    }
}
