package org.supportintake.core.ticket;

import java.util.Optional;

/** Tickets, inside the current transaction. Implementations are not thread-safe: one per transaction. */
public interface TicketStore {

    /** The next serial from the one sequence shared by every node. */
    long nextSerial();

    /** Stores a new ticket and returns it with its id. */
    Ticket insert(NewTicket ticket);

    Optional<Ticket> find(TicketNumber number);

    /**
     * The newest ticket that one of these Message-IDs belongs to: a mail we sent about it, or a
     * message the citizen sent to it.
     */
    Optional<Ticket> findByMessageIds(java.util.List<String> messageIds);

    /** The ticket that holds the message with this external id, if any. */
    Optional<Ticket> findByExternalId(String externalId);

    void updateStatus(long ticketId, TicketStatus status);

    void markRepeatRequest(long ticketId);
}
