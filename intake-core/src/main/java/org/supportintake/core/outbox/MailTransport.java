package org.supportintake.core.outbox;

/**
 * The way out for outbox mail; mail-poller implements it over SMTP. Called after the writing
 * transaction commits, never inside one. Implementations are thread-safe.
 */
public interface MailTransport {

    /**
     * Sends one message with its own Message-ID, threading headers and {@code Auto-Submitted}.
     *
     * @throws UnableToSendMailException when the mail server refuses it or cannot be reached
     */
    void send(OutboxMessage message);
}
