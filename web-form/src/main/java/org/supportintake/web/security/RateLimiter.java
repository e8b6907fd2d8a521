package org.supportintake.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.supportintake.core.jdbc.JdbcRateWindows;

/**
 * At most N requests per key (an address, an email) in a fixed window that starts with the key's first request;
 * answers how long to wait when over. The counts are in the database, shared by every node: two nodes do not double
 * a client's allowance. Thread-safe.
 */
public final class RateLimiter {

    private final String name;
    private final int permits;
    private final Duration window;
    private final JdbcRateWindows windows;
    private final Clock clock;

    /** {@code name}: this limit's own counts in the table (at most 40 characters). */
    public RateLimiter(String name, int permits, Duration window, JdbcRateWindows windows, Clock clock) {
        this.name = name;
        this.permits = permits;
        this.window = window;
        this.windows = windows;
        this.clock = clock;
    }

    /** Takes one permit for {@code key}; empty when allowed, else how long until the next one. */
    public Optional<Duration> acquire(String key) {
        Instant now = clock.instant();
        JdbcRateWindows.Window current = windows.count(name, key, window, now);
        return current.used() <= permits ? Optional.empty() : Optional.of(left(current, now));
    }

    /** How long until {@code key} may take a permit, without taking one; empty when it may now. */
    public Optional<Duration> check(String key) {
        Instant now = clock.instant();
        return windows.current(name, key, now).filter(current -> current.used() >= permits)
                .map(current -> left(current, now));
    }

    private Duration left(JdbcRateWindows.Window current, Instant now) {
        return Duration.between(now, current.start().plus(window));
    }
}
