package org.supportintake.core.outbox;

import java.time.Instant;

/** A mail to send after the transaction that wrote it commits; {@code inReplyTo} is empty when none. */
public record OutboxMessage(long ticketId, OutboxKind kind, String recipient, String subject, String body,
                            String inReplyTo, Instant createdAt) {
}
