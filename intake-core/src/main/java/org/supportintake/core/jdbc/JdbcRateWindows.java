package org.supportintake.core.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Fixed windows of counted requests per limit and key in {@code rate_window}, shared by every node: a count taken on
 * one node is seen by the next request on any other, so nodes behind a load balancer do not multiply an allowance.
 * Keys (client addresses, emails) are stored as their SHA-256 only. Thread-safe.
 */
public final class JdbcRateWindows {

    /** Ended windows are deleted on every this many counts (per node): cheap, and the table stays small. */
    private static final int SWEEP_EVERY = 256;

    /** A window: when it started and how many requests it counted so far. */
    public record Window(Instant start, int used) {
    }

    private record Stored(Instant start, Instant end, int used) {
    }

    private final Jdbi jdbi;
    private final AtomicLong counts = new AtomicLong();

    public JdbcRateWindows(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Counts one request of {@code key} under {@code limit}; a window that ended by {@code now} starts again. */
    public Window count(String limit, String key, Duration length, Instant now) {
        if (counts.incrementAndGet() % SWEEP_EVERY == 0) {
            jdbi.useHandle(h -> h.createUpdate("delete from rate_window where window_end <= :now")
                    .bind("now", SqlValues.timestamp(now)).execute());
        }
        String hash = hash(key);
        try {
            return jdbi.inTransaction(h -> countLocked(h, limit, hash, length, now));
        } catch (RuntimeException e) {
            if (!SqlValues.isUniqueViolation(e)) {
                throw e;
            }
            // Another node counted the key's first request at the same moment: count on top of its row.
            return jdbi.inTransaction(h -> countLocked(h, limit, hash, length, now));
        }
    }

    /** The window of {@code key} under {@code limit} that is open at {@code now}, if there is one. */
    public Optional<Window> current(String limit, String key, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("select window_start, used from rate_window "
                        + "where limit_name = :limit and key_hash = :key and window_end > :now")
                .bind("limit", limit).bind("key", hash(key)).bind("now", SqlValues.timestamp(now))
                .map((row, context) -> new Window(SqlValues.instant(row, "window_start"), row.getInt("used")))
                .findOne());
    }

    private static Window countLocked(Handle h, String limit, String hash, Duration length, Instant now) {
        // The key's row, ended or not, is locked: a second node counting the same key waits here, then sees this count.
        Optional<Stored> last = h.createQuery("select window_start, window_end, used from rate_window "
                        + "where limit_name = :limit and key_hash = :key for update")
                .bind("limit", limit).bind("key", hash)
                .map((row, context) -> new Stored(SqlValues.instant(row, "window_start"),
                        SqlValues.instant(row, "window_end"), row.getInt("used")))
                .findOne();
        Window counted = last.filter(stored -> stored.end().isAfter(now))
                .map(open -> new Window(open.start(), open.used() + 1))
                .orElseGet(() -> new Window(now.truncatedTo(ChronoUnit.SECONDS), 1));
        Instant end = counted.start().plus(length);
        String sql = last.isEmpty()
                ? "insert into rate_window (limit_name, key_hash, window_start, window_end, used) "
                        + "values (:limit, :key, :start, :end, :used)"
                : "update rate_window set window_start = :start, window_end = :end, used = :used "
                        + "where limit_name = :limit and key_hash = :key";
        h.createUpdate(sql).bind("limit", limit).bind("key", hash).bind("start", SqlValues.timestamp(counted.start()))
                .bind("end", SqlValues.timestamp(end)).bind("used", counted.used()).execute();
        return counted;
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
