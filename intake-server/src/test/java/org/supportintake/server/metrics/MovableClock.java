package org.supportintake.server.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The real time in whole seconds, moved forward on demand (a ticket becomes overdue without waiting days). */
final class MovableClock extends Clock {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    void moveTo(Instant at) {
        ahead.set(Duration.between(Instant.now(), at));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get()).truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
