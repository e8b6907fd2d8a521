package org.supportintake.core.work;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What supervisors read each working morning: tickets needing attention, what failed since the last digest, and the
 * citizens' ratings of answers given since then.
 */
public record DigestFacts(List<String> overdue, List<String> atRisk, List<String> repeatRequests,
                          List<String> failedAcknowledgements, int mailSetAside, Ratings ratings, Instant since) {

    /** How many tickets were rated (or re-rated) since the last digest, and the sum of their current scores. */
    public record Ratings(int count, long sum) {

        /** The average score, as «4,3»; empty text when there are none. */
        public String average() {
            return count == 0 ? "" : String.format(Locale.forLanguageTag("ru"), "%.1f", (double) sum / count);
        }
    }

    public boolean isEmpty() {
        return overdue.isEmpty() && atRisk.isEmpty() && repeatRequests.isEmpty() && failedAcknowledgements.isEmpty()
                && mailSetAside == 0;
    }
}
