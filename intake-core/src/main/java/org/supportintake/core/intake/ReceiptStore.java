package org.supportintake.core.intake;

import java.time.Instant;
import java.util.Optional;

import org.supportintake.core.submission.Channel;

/** Mail handled without a ticket, by external id, inside the current transaction. */
public interface ReceiptStore {

    /** The outcome recorded for this external id, if it was handled before. */
    Optional<String> outcomeOf(String externalId);

    /**
     * What became of this external id before, in one look: the ticket that holds its message, and the outcome recorded
     * for it without a ticket (at most one of the two is present).
     */
    Earlier earlier(String externalId);

    /** An external id's earlier ticket or receipt outcome; both empty for one not seen before. */
    record Earlier(Optional<org.supportintake.core.ticket.Ticket> ticket, Optional<String> outcome) {
    }

    /**
     * Records that the message was handled with {@code outcome}; {@code rawSha256} names its archived raw copy.
     *
     * @throws org.supportintake.core.ticket.DuplicateExternalIdException when another transaction recorded it first
     */
    void add(String externalId, Channel channel, String outcome, Instant receivedAt, String rawSha256);
}
