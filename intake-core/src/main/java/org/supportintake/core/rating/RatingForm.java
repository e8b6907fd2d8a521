package org.supportintake.core.rating;

import java.util.Optional;

import org.supportintake.core.ticket.TicketNumber;

/** What the rating page shows for a valid link: the ticket's number and the rating it already has, if any. */
public record RatingForm(TicketNumber number, Optional<Rating> current) {
}
