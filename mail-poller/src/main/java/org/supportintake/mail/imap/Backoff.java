package org.supportintake.mail.imap;

import java.time.Duration;
import java.time.Instant;

/** Waits longer after each failure in a row (doubling up to a ceiling) and forgets on success. Not thread-safe. */
final class Backoff {

    private final Duration initial;
    private final Duration ceiling;
    private Duration current = Duration.ZERO;
    private Instant nextAttempt = Instant.MIN;
    private int failures;

    Backoff(Duration initial, Duration ceiling) {
        this.initial = initial;
        this.ceiling = ceiling;
    }

    boolean ready(Instant now) {
        return !now.isBefore(nextAttempt);
    }

    /** Records a failure; true when it is the first of a run (the one worth logging). */
    boolean failed(Instant now) {
        current = failures == 0 ? initial : min(current.multipliedBy(2), ceiling);
        nextAttempt = now.plus(current);
        return failures++ == 0;
    }

    /** Records a success; true when it ends a run of failures. */
    boolean succeeded() {
        boolean recovered = failures > 0;
        failures = 0;
        current = Duration.ZERO;
        nextAttempt = Instant.MIN;
        return recovered;
    }

    Duration currentDelay() {
        return current;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
