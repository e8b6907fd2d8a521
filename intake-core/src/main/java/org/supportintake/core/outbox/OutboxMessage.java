package org.supportintake.core.outbox;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * A mail to send after the transaction that wrote it commits; {@code html} is its HTML alternative (may be empty). {@code messageId} is ours, chosen when
 * the row is written, so a reply to it threads even before it is sent; {@code inReplyTo} is empty
 * and {@code references} empty when it answers nothing; {@code ticketId} is empty for a reply
 * that opened no ticket.
 */
public record OutboxMessage(OptionalLong ticketId, OutboxKind kind, String messageId, String recipient, String subject,
                            String body, String html, String inReplyTo, List<String> references, Instant createdAt) {

    public OutboxMessage {
        references = List.copyOf(references);
    }

    /** A plain-text mail. */
    public OutboxMessage(OptionalLong ticketId, OutboxKind kind, String messageId, String recipient, String subject,
                         String body, String inReplyTo, List<String> references, Instant createdAt) {
        this(ticketId, kind, messageId, recipient, subject, body, "", inReplyTo, references, createdAt);
    }

    /** The same mail as a reply in a thread. */
    public OutboxMessage inThread(String inReplyTo, List<String> references) {
        return new OutboxMessage(ticketId, kind, messageId, recipient, subject, body, html, inReplyTo, references,
                createdAt);
    }
}
