package org.supportintake.core.rating;

import java.util.Optional;

/** One rating per ticket, inside the current transaction. Not thread-safe: one per transaction. */
public interface RatingStore {

    Optional<Rating> find(long ticketId);

    /** Stores {@code rating} as the ticket's only one, replacing any before it. */
    void save(long ticketId, Rating rating);
}
