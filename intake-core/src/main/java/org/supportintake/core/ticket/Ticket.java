package org.supportintake.core.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.supportintake.core.sla.ReplyDeadline;
import org.supportintake.core.submission.Channel;

/**
 * A citizen's case as stored; {@code id} is the database key, {@code number} what people use; {@code pausedSince}
 * is when it began to wait for the citizen or was resolved.
 */
public record Ticket(long id, TicketNumber number, Channel channel, TicketStatus status, Priority priority,
                     String category, String title, String requesterEmail, Instant createdAt, ReplyDeadline deadline,
                     Optional<Instant> pausedSince, boolean overdue, boolean repeatRequest) {

    public Ticket {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
    }

    public Instant dueAt() {
        return deadline.dueAt();
    }

    /** Whether {@code email} is the address that opened this ticket (addresses compare without case). */
    public boolean isRequester(String email) {
        return requesterEmail.equalsIgnoreCase(email.strip());
    }
}
