package org.supportintake.core.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.supportintake.core.log.EventKind;
import org.supportintake.core.submission.Coded;
import org.supportintake.core.ticket.TicketHistory;
import org.supportintake.core.ticket.TicketLookup;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.ticket.TicketStatus;

/** {@link TicketLookup} with two short reads. */
public final class JdbcTicketLookup implements TicketLookup {

    private static final List<String> VISIBLE = List.of(EventKind.TICKET_CREATED.code(), EventKind.FOLLOW_UP_ADDED.code());

    private final Jdbi jdbi;

    public JdbcTicketLookup(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<TicketHistory> find(TicketNumber number, String requesterEmail) {
        return jdbi.withHandle(h -> h.createQuery("select id, status, created_at, due_at from ticket "
                        + "where number = :number and lower(requester_email) = lower(:email)")
                .bind("number", number.toString()).bind("email", requesterEmail.strip())
                .map((row, ctx) -> new Found(row.getLong("id"), row.getString("status"),
                        SqlValues.instant(row, "created_at"), SqlValues.instant(row, "due_at")))
                .findOne()
                .map(found -> new TicketHistory(number, Coded.byCode(TicketStatus.class, found.status()).orElseThrow(),
                        found.createdAt(), found.dueAt(), entries(h, found.id()))));
    }

    private static List<TicketHistory.Entry> entries(Handle handle, long ticketId) {
        return handle.createQuery("select occurred_at, kind from intake_event where ticket_id = :id "
                        + "and kind in (<kinds>) order by occurred_at, id")
                .bind("id", ticketId).bindList("kinds", VISIBLE)
                .map((row, ctx) -> new TicketHistory.Entry(SqlValues.instant(row, "occurred_at"),
                        Coded.byCode(EventKind.class, row.getString("kind")).orElseThrow()))
                .list();
    }

    private record Found(long id, String status, Instant createdAt, Instant dueAt) {
    }
}
