package org.supportintake.core.outbox;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * A mail to send after the transaction that wrote it commits. {@code messageId} is ours, chosen when
 * the row is written, so a reply to it threads even before it is sent; {@code inReplyTo} is empty
 * and {@code references} empty when it answers nothing; {@code ticketId} is empty for a reply
 * that opened no ticket.
 */
public record OutboxMessage(OptionalLong ticketId, OutboxKind kind, String messageId, String recipient, String subject,
                            String body, String inReplyTo, List<String> references, Instant createdAt) {

    public OutboxMessage {
        references = List.copyOf(references);
    }
}
