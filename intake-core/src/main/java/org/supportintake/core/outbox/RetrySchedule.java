package org.supportintake.core.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a failed send is tried again: the delay doubles from {@code first} up to {@code longest}, until {@code giveUpAfter} from the mail's creation. */
public record RetrySchedule(Duration first, Duration longest, Duration giveUpAfter) {

    /** DESIGN.md: retried with backoff for 48 hours. */
    public static final RetrySchedule STANDARD = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1),
            Duration.ofHours(48));

    /** The next attempt after {@code attempt} failed at {@code now}; empty when the 48 hours are over. */
    public Optional<Instant> next(int attempt, Instant createdAt, Instant now) {
        Duration delay = first.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        Instant next = now.plus(delay.compareTo(longest) > 0 ? longest : delay);
        Instant deadline = createdAt.plus(giveUpAfter);
        return now.isBefore(deadline) ? Optional.of(next.isAfter(deadline) ? deadline : next) : Optional.empty();
    }
}
