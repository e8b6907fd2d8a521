package org.supportintake.core.ticket;

import java.time.Instant;
import java.util.List;

import org.supportintake.core.log.EventKind;

/** What a citizen may see of their ticket: status, dates, and what happened when; no personal data. */
public record TicketHistory(TicketNumber number, TicketStatus status, Instant createdAt, Instant dueAt,
                            List<Entry> entries) {

    public TicketHistory {
        entries = List.copyOf(entries);
    }

    /** One thing that happened. */
    public record Entry(Instant at, EventKind kind) {
    }
}
