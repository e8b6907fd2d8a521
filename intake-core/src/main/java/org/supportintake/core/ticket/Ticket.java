package org.supportintake.core.ticket;

import java.time.Instant;
import java.util.Objects;

import org.supportintake.core.submission.Channel;

/** A citizen's case as stored; {@code id} is the database key, {@code number} what people use. */
public record Ticket(long id, TicketNumber number, Channel channel, TicketStatus status, Priority priority,
                     String category, String title, String requesterEmail, Instant createdAt, Instant dueAt,
                     boolean overdue, boolean repeatRequest) {

    public Ticket {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
    }

    /** Whether {@code email} is the address that opened this ticket (addresses compare without case). */
    public boolean isRequester(String email) {
        return requesterEmail.equalsIgnoreCase(email.strip());
    }
}
