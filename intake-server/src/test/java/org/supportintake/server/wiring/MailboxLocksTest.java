package org.supportintake.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.supportintake.core.testing.TestDatabases;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** One poll of a mailbox at a time: two nodes' locks on one PostgreSQL database, and one node's on H2. */
class MailboxLocksTest {

    @Test
    void aSecondNodesPollOfTheSameMailboxIsSkippedWhileTheFirstRunsOnPostgres() throws Exception {
        HikariDataSource first = TestDatabases.postgresSchema();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(first.getJdbcUrl());
        config.setUsername(first.getUsername());
        try (HikariDataSource second = new HikariDataSource(config)) {
            pollsOneAtATime(new MailboxLocks(first, true), new MailboxLocks(second, true));
        } finally {
            TestDatabases.dropPostgresSchema(first);
        }
    }

    @Test
    void aSecondPollOfTheSameMailboxIsSkippedWhileTheFirstRunsOnH2() throws Exception {
        try (HikariDataSource h2 = TestDatabases.h2()) {
            MailboxLocks locks = new MailboxLocks(h2, false);
            pollsOneAtATime(locks, locks);
        }
    }

    private static void pollsOneAtATime(MailboxLocks a, MailboxLocks b) throws Exception {
        CountDownLatch polling = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> a.runAlone("support", () -> {
            polling.countDown();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(polling.await(10, TimeUnit.SECONDS)).isTrue();

        boolean[] ran = new boolean[2];
        assertThat(b.runAlone("support", () -> ran[0] = true)).as("the same mailbox while it is polled").isFalse();
        assertThat(b.runAlone("other", () -> ran[1] = true)).as("another mailbox").isTrue();
        assertThat(ran).containsExactly(false, true);

        finish.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(b.runAlone("support", () -> ran[0] = true)).as("after the first poll ended").isTrue();
        assertThat(ran[0]).isTrue();
    }
}
