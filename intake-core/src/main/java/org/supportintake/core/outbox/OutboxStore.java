package org.supportintake.core.outbox;

/** Mail waiting to be sent, inside the current transaction. */
public interface OutboxStore {

    /** The last error of a mail withdrawn before it left ({@link #cancelPending}); the row counts as failed. */
    String CANCELLED = "cancelled: the ticket was marked as not a request";

    long add(OutboxMessage message);

    /**
     * Adds the mail unless its recipient already has {@code limit} mails written since {@code since}; when the limit
     * holds it back, appends {@code heldBack} to the intake log instead. Either may be written only with the
     * transaction's next statement or at its end (nothing reads them back before).
     */
    void addWithin(OutboxMessage message, java.time.Instant since, int limit,
                   org.supportintake.core.log.IntakeEvent heldBack);

    /** How many mails to {@code recipient} were written since {@code since}, for the per-sender limit. */
    long countTo(String recipient, java.time.Instant since);

    /**
     * Withdraws the ticket's mails not yet sent, failed or claimed by a sender at {@code at} (one being sent now still
     * leaves); returns how many.
     */
    int cancelPending(long ticketId, java.time.Instant at);
}
