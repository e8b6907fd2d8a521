package org.supportintake.core.log;

import java.time.Instant;
import java.util.OptionalLong;

import org.supportintake.core.submission.Channel;

/**
 * One line of the intake log: what happened to which message and, where there is one, which ticket;
 * {@code detail} holds codes and counts, never personal data.
 */
public record IntakeEvent(Instant occurredAt, EventKind kind, Channel channel, String externalId,
                          OptionalLong ticketId, String detail) {

    public static IntakeEvent onTicket(Instant at, EventKind kind, Channel channel, String externalId, long ticketId,
                                       String detail) {
        return new IntakeEvent(at, kind, channel, externalId, OptionalLong.of(ticketId), detail);
    }

    public static IntakeEvent withoutTicket(Instant at, EventKind kind, Channel channel, String externalId,
                                            String detail) {
        return new IntakeEvent(at, kind, channel, externalId, OptionalLong.empty(), detail);
    }
}
