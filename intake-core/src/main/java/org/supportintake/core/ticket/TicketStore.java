package org.supportintake.core.ticket;

import java.time.Instant;
import java.util.Optional;

import org.supportintake.core.sla.ReplyDeadline;

/** Tickets, inside the current transaction. Implementations are not thread-safe: one per transaction. */
public interface TicketStore {

    /** Stores a new ticket under the next serial from the one sequence shared by every node; returns it with its id. */
    Ticket open(NewTicket ticket);

    Optional<Ticket> find(TicketNumber number);

    Optional<Ticket> find(long ticketId);

    /** The ticket, locked until the transaction ends. */
    Optional<Ticket> findForUpdate(long ticketId);

    /** The ticket, locked until the transaction ends, so that two staff moves on it follow one another. */
    Optional<Ticket> findForUpdate(TicketNumber number);

    /**
     * The newest ticket that one of these Message-IDs belongs to: a mail we sent about it, or a
     * message the citizen sent to it.
     */
    Optional<Ticket> findByMessageIds(java.util.List<String> messageIds);

    /** The ticket that holds the message with this external id, if any. */
    Optional<Ticket> findByExternalId(String externalId);

    void updateStatus(long ticketId, TicketStatus status);

    /** Taken into work by {@code staff}. */
    void assign(long ticketId, String staff, TicketStatus status);

    /** Staff answered: the ticket waits for the citizen or is resolved, the clock stops, its flags clear. */
    void pause(long ticketId, TicketStatus status, Instant since);

    /** The citizen wrote: back to {@code status} with the deadline moved by the pause; flags are decided anew. */
    void resume(long ticketId, TicketStatus status, ReplyDeadline deadline);

    /** A new deadline (an extension, or a new category or priority); flags are decided anew. */
    void reschedule(long ticketId, String category, Priority priority, ReplyDeadline deadline);

    void markRepeatRequest(long ticketId);
}
