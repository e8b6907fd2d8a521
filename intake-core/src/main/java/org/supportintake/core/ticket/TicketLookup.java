package org.supportintake.core.ticket;

import java.util.Optional;

/** Finds a ticket for its requester: the number and the email must both match, so nothing can be enumerated. */
public interface TicketLookup {

    Optional<TicketHistory> find(TicketNumber number, String requesterEmail);
}
