package org.supportintake.core.log;

import java.time.Instant;
import java.util.OptionalLong;

import org.supportintake.core.submission.Channel;

/**
 * One line of the intake log: what happened to which message and, where there is one, which ticket;
 * {@code staff} is the login that did it (empty when the service did); {@code detail} holds codes and
 * counts, never personal data.
 */
public record IntakeEvent(Instant occurredAt, EventKind kind, Channel channel, String externalId,
                          OptionalLong ticketId, String staff, String detail) {

    public IntakeEvent(Instant occurredAt, EventKind kind, Channel channel, String externalId, OptionalLong ticketId,
                       String detail) {
        this(occurredAt, kind, channel, externalId, ticketId, "", detail);
    }

    public static IntakeEvent onTicket(Instant at, EventKind kind, Channel channel, String externalId, long ticketId,
                                       String detail) {
        return new IntakeEvent(at, kind, channel, externalId, OptionalLong.of(ticketId), detail);
    }

    public static IntakeEvent withoutTicket(Instant at, EventKind kind, Channel channel, String externalId,
                                            String detail) {
        return new IntakeEvent(at, kind, channel, externalId, OptionalLong.empty(), detail);
    }
}
