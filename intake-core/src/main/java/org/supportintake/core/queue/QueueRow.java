package org.supportintake.core.queue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.supportintake.core.submission.Channel;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.ticket.TicketStatus;

/** One ticket as the queue lists it; {@code category} is the stored code (a title is the page's business). */
public record QueueRow(TicketNumber number, Instant created, Channel channel, String category, Priority priority,
                       TicketStatus status, Optional<String> assignee, Instant dueAt, boolean overdue, boolean atRisk,
                       boolean repeatRequest, boolean ackFailed) {

    public QueueRow {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** Whether the ticket carries {@code flag}. */
    public boolean has(QueueFlag flag) {
        return switch (flag) {
            case OVERDUE -> overdue;
            case AT_RISK -> atRisk;
            case REPEAT_REQUEST -> repeatRequest;
            case ACK_FAILED -> ackFailed;
        };
    }
}
