package org.supportintake.core.outbox;

import java.time.Instant;
import java.util.List;

/**
 * A mail to send after the transaction that wrote it commits. {@code messageId} is ours, chosen when
 * the row is written, so a reply to it threads even before it is sent; {@code inReplyTo} is empty
 * and {@code references} empty when it answers nothing.
 */
public record OutboxMessage(long ticketId, OutboxKind kind, String messageId, String recipient, String subject,
                            String body, String inReplyTo, List<String> references, Instant createdAt) {

    public OutboxMessage {
        references = List.copyOf(references);
    }
}
