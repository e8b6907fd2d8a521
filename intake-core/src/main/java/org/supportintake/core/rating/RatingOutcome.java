package org.supportintake.core.rating;

import java.util.List;

import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.validation.Violation;

/** What came of a rating the citizen sent: stored, a link that rates nothing, or a comment to fix. */
public sealed interface RatingOutcome {

    /** Stored; {@code changed} is false when it repeats the rating already there. */
    record Saved(TicketNumber number, int score, boolean changed) implements RatingOutcome {
    }

    /** A forged or expired link, a score outside 1–5, or a ticket that cannot be rated: the citizen sees a 404. */
    record NotFound() implements RatingOutcome {
    }

    record Invalid(List<Violation> violations) implements RatingOutcome {
    }
}
