package org.supportintake.server.wiring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.mail.imap.PollMailboxJob;

/**
 * One poll of a mailbox at a time, on any node: on PostgreSQL a session advisory lock per mailbox, held on one pooled
 * connection while the poll runs (a node that dies loses its connection, and the lock with it); on H2, one node, a
 * lock in memory. Quartz's {@code @DisallowConcurrentExecution} alone does not hold for the IDLE nudges: each is a
 * one-off trigger of its own, and bench/cluster.sh saw two of them executing at once, on one node and on two.
 */
final class MailboxLocks {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxLocks.class);
    /** The first half of the advisory lock's key: this service's polls (the second is the mailbox's name). */
    private static final int POLLS = 0x1a7a_0001;

    private final DataSource dataSource;
    private final boolean postgres;
    private final Map<String, ReentrantLock> local = new ConcurrentHashMap<>();

    MailboxLocks(DataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /** {@code poll}, run only when no other poll of its mailbox runs anywhere; else this run is skipped. */
    Job exclusive(Job poll) {
        return context -> {
            String mailbox = context.getMergedJobDataMap().getString(PollMailboxJob.MAILBOX);
            JobExecutionException[] failure = new JobExecutionException[1];
            runAlone(mailbox == null ? "" : mailbox, () -> {
                try {
                    poll.execute(context);
                } catch (JobExecutionException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        };
    }

    /** Runs {@code poll} holding {@code mailbox}'s lock; false, without running it, when another poll holds it. */
    boolean runAlone(String mailbox, Runnable poll) {
        Optional<AutoCloseable> lock = tryLock(mailbox);
        if (lock.isEmpty()) {
            LOG.debug("poll of {} skipped: another poll of it is running", mailbox);
            return false;
        }
        try (AutoCloseable held = lock.get()) {
            poll.run();
            return true;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot release the lock of mailbox " + mailbox + ": " + e.getMessage(), e);
        }
    }

    private Optional<AutoCloseable> tryLock(String mailbox) {
        if (!postgres) {
            ReentrantLock lock = local.computeIfAbsent(mailbox, name -> new ReentrantLock());
            return lock.tryLock() ? Optional.of(lock::unlock) : Optional.empty();
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (advisory(connection, "select pg_try_advisory_lock(?, ?)", mailbox)) {
                Connection held = connection;
                return Optional.of(() -> {
                    try (held) {
                        advisory(held, "select pg_advisory_unlock(?, ?)", mailbox);
                    }
                });
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot lock mailbox " + mailbox + " for a poll: " + e.getMessage(), e);
        }
    }

    private static boolean advisory(Connection connection, String sql, String mailbox) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, POLLS);
            statement.setInt(2, mailbox.hashCode());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // the lock, if any, goes with the connection
        }
    }
}
