package org.supportintake.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most N requests per key (an address, an email) in a sliding-free fixed window; answers how
 * long to wait when over. In memory, per node: a second node doubles the allowance. Thread-safe.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final int permits;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int permits, Duration window, Clock clock) {
        this.permits = permits;
        this.window = window;
        this.clock = clock;
    }

    /** Takes one permit for {@code key}; empty when allowed, else how long until the next one. */
    public Optional<Duration> acquire(String key) {
        Instant now = clock.instant();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(old -> old.endedBy(now, window));
        }
        Window current = windows.compute(key, (k, old) -> old == null || old.endedBy(now, window)
                ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
        return current.count() <= permits ? Optional.empty() : Optional.of(current.left(now, window));
    }

    /** How long until {@code key} may take a permit, without taking one; empty when it may now. */
    public Optional<Duration> check(String key) {
        Instant now = clock.instant();
        Window current = windows.get(key);
        return current == null || current.endedBy(now, window) || current.count() < permits
                ? Optional.empty() : Optional.of(current.left(now, window));
    }

    private record Window(Instant start, int count) {
        boolean endedBy(Instant now, Duration length) {
            return !start.plus(length).isAfter(now);
        }

        Duration left(Instant now, Duration length) {
            return Duration.between(now, start.plus(length));
        }
    }
}
