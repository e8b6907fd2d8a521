package org.supportintake.core.work;

import org.supportintake.core.ticket.TicketStatus;

/** What came of a staff move: done, no such ticket, or not allowed from where the ticket stands (said in Russian). */
public sealed interface WorkOutcome {

    record Done(TicketStatus status) implements WorkOutcome {
    }

    record NotFound() implements WorkOutcome {
    }

    record NotAllowed(String reason) implements WorkOutcome {
    }
}
