package org.supportintake.mail.mime;

import java.time.Clock;
import java.time.Instant;

/**
 * What is left of one message's {@link MimeLimits} while it is read: parts counted across the whole
 * tree (forwarded messages included) and the deadline. The first limit crossed is reported once;
 * after that the reading stops where it is. Not thread-safe.
 */
final class ReadBudget {

    private final MimeLimits limits;
    private final Clock clock;
    private final Instant deadline;
    private final DecodeMonitor monitor;
    private int parts;
    private boolean exhausted;

    ReadBudget(MimeLimits limits, Clock clock, DecodeMonitor monitor) {
        this.limits = limits;
        this.clock = clock;
        this.deadline = clock.instant().plus(limits.maxDuration());
        this.monitor = monitor;
    }

    MimeLimits limits() {
        return limits;
    }

    /** Takes one part from the budget; false (and the reading should stop) when none is left. */
    boolean takePart() {
        if (exhausted()) {
            return false;
        }
        if (parts >= limits.maxParts()) {
            stop("the message has more than " + limits.maxParts() + " MIME parts; the rest was not read");
            return false;
        }
        parts++;
        return true;
    }

    /** True once a limit was crossed or the time is up. */
    boolean exhausted() {
        if (!exhausted && clock.instant().isAfter(deadline)) {
            stop("reading the message took longer than " + limits.maxDuration().toSeconds() + " s; the rest was not read");
        }
        return exhausted;
    }

    private void stop(String problem) {
        exhausted = true;
        monitor.overLimit(problem);
    }
}
