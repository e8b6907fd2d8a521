package org.supportintake.core.log;

import java.time.Instant;

import org.supportintake.core.submission.Channel;

/** One line of the intake log: what happened to which message and ticket; {@code detail} holds no personal data. */
public record IntakeEvent(Instant occurredAt, EventKind kind, Channel channel, String externalId, long ticketId,
                          String detail) {
}
