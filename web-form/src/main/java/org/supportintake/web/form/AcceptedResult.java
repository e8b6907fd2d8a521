package org.supportintake.web.form;

import java.time.Instant;

import org.supportintake.core.ticket.TicketNumber;

/** What the result page after a form post shows: its heading, the ticket, and what happens to the acknowledgement. */
record AcceptedResult(String heading, TicketNumber ticketNumber, Instant dueAt, String confirmation) {
}
