package org.supportintake.core.rating;

import java.time.Duration;
import java.time.Instant;

/** What a verified rating link names: the ticket, and when the answer it rates was sent. */
public record RatingToken(long ticketId, Instant resolvedAt) {

    /** How long after the answer its links can be used. */
    public static final Duration WINDOW = Duration.ofDays(30);

    /** Whether the link is still open at {@code now}: from the answer up to {@link #WINDOW} after it. */
    public boolean openAt(Instant now) {
        return !now.isBefore(resolvedAt) && now.isBefore(resolvedAt.plus(WINDOW));
    }
}
