package org.supportintake.core.rating;

import java.time.Instant;

/** The citizen's rating of the answer on a ticket: a score from 1 to 5, an optional comment, when it was last given. */
public record Rating(int score, String comment, Instant ratedAt) {

    public static boolean isScore(int score) {
        return score >= 1 && score <= 5;
    }
}
