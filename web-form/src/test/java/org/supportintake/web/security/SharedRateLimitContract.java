package org.supportintake.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.jdbc.JdbcRateWindows;
import org.supportintake.core.testing.SettableClock;
import org.supportintake.core.testing.TestClocks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Two nodes' rate limiters on one database, each with its own connection pool, as two server processes have: together
 * they give a client the allowance once, not twice.
 */
abstract class SharedRateLimitContract {

    private static final Duration HOUR = Duration.ofHours(1);

    private final SettableClock clock = new SettableClock();
    private HikariDataSource first;
    private HikariDataSource second;

    /** A fresh, empty database. */
    abstract HikariDataSource freshDatabase();

    abstract void dispose(HikariDataSource database);

    @BeforeEach
    void twoNodes() {
        clock.set(TestClocks.now());
        first = freshDatabase();
        Database.migrate(first);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(first.getJdbcUrl());
        config.setUsername(first.getUsername());
        config.setPassword(first.getPassword());
        second = new HikariDataSource(config);
    }

    @AfterEach
    void stop() {
        second.close();
        dispose(first);
    }

    private RateLimiter limiter(HikariDataSource node, int permits) {
        return new RateLimiter("submissions per email", permits, HOUR, new JdbcRateWindows(Database.jdbi(node)), clock);
    }

    @Test
    void requestsSpreadOverTwoNodesGetTheAllowanceOnce() {
        RateLimiter a = limiter(first, 3);
        RateLimiter b = limiter(second, 3);

        assertThat(a.acquire("ivanova@example.ru")).isEmpty();
        assertThat(b.acquire("ivanova@example.ru")).isEmpty();
        assertThat(a.acquire("ivanova@example.ru")).isEmpty();

        assertThat(b.acquire("ivanova@example.ru")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(HOUR));
        assertThat(a.acquire("ivanova@example.ru")).isPresent();
        assertThat(b.check("ivanova@example.ru")).as("check on the other node sees the full window").isPresent();
        assertThat(a.acquire("petrov@example.ru")).as("another key has its own allowance").isEmpty();
    }

    @Test
    void concurrentRequestsOnTwoNodesTakeExactlyTheAllowance() throws Exception {
        RateLimiter a = limiter(first, 40);
        RateLimiter b = limiter(second, 40);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> allowed = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RateLimiter node = t % 2 == 0 ? a : b;
                Callable<Integer> requests = () -> {
                    int granted = 0;
                    for (int i = 0; i < 25; i++) {
                        granted += node.acquire("198.51.100.7").isEmpty() ? 1 : 0;
                    }
                    return granted;
                };
                allowed.add(threads.submit(requests));
            }
            int total = 0;
            for (Future<Integer> granted : allowed) {
                total += granted.get();
            }
            assertThat(total).as("of 200 requests over two nodes at once").isEqualTo(40);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void checkTakesNothingAndTheAllowanceReturnsWhenTheWindowEnds() {
        RateLimiter a = limiter(first, 2);
        RateLimiter b = limiter(second, 2);

        assertThat(b.check("ivanova@example.ru")).isEmpty();
        assertThat(b.check("ivanova@example.ru")).isEmpty();
        a.acquire("ivanova@example.ru");
        assertThat(b.check("ivanova@example.ru")).isEmpty();
        a.acquire("ivanova@example.ru");
        assertThat(b.check("ivanova@example.ru")).isPresent();

        clock.advance(HOUR);
        assertThat(b.check("ivanova@example.ru")).isEmpty();
        assertThat(b.acquire("ivanova@example.ru")).isEmpty();
        assertThat(a.acquire("ivanova@example.ru")).isEmpty();
        assertThat(a.acquire("ivanova@example.ru")).isPresent();
    }

    @Test
    void keysAreStoredOnlyAsTheirHash() {
        limiter(first, 2).acquire("ivanova@example.ru");

        Jdbi jdbi = Database.jdbi(second);
        List<String> keys = jdbi.withHandle(h -> h.createQuery("select key_hash from rate_window").mapTo(String.class).list());
        assertThat(keys).hasSize(1).allSatisfy(key -> assertThat(key).matches("[0-9a-f]{64}"));
    }
}
