package org.supportintake.core.outbox;

/** Mail waiting to be sent, inside the current transaction. */
public interface OutboxStore {

    long add(OutboxMessage message);

    /** How many mails to {@code recipient} were written since {@code since}, for the per-sender limit. */
    long countTo(String recipient, java.time.Instant since);
}
