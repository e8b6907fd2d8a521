package org.supportintake.core.jdbc;

import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.supportintake.core.rating.Rating;
import org.supportintake.core.rating.RatingStore;

/** {@link RatingStore} on the {@code rating} table; callers hold the ticket's row lock, so update-or-insert is safe. */
final class JdbcRatingStore implements RatingStore {

    private final Handle handle;

    JdbcRatingStore(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<Rating> find(long ticketId) {
        return handle.createQuery("select score, comment, rated_at from rating where ticket_id = :id")
                .bind("id", ticketId)
                .map((row, ctx) -> new Rating(row.getInt("score"), row.getString("comment"),
                        SqlValues.instant(row, "rated_at")))
                .findOne();
    }

    @Override
    public void save(long ticketId, Rating rating) {
        int updated = handle.createUpdate("update rating set score = :score, comment = :comment, rated_at = :at "
                        + "where ticket_id = :id")
                .bind("id", ticketId).bind("score", rating.score()).bind("comment", rating.comment())
                .bind("at", SqlValues.timestamp(rating.ratedAt())).execute();
        if (updated == 0) {
            handle.createUpdate("insert into rating (ticket_id, score, comment, rated_at) values (:id, :score, :comment, :at)")
                    .bind("id", ticketId).bind("score", rating.score()).bind("comment", rating.comment())
                    .bind("at", SqlValues.timestamp(rating.ratedAt())).execute();
        }
    }
}
