package org.supportintake.core.jdbc;

import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

/**
 * What waits, counted in one statement for the metrics: outbox mail pending and failed, the oldest pending one, and
 * the tickets on the reply clock that are overdue or at risk at {@code now} (by their times, not by the flags the
 * flagging job sets a minute later).
 */
public final class JdbcBacklog {

    private static final String ON_THE_CLOCK = "answered = false and status in ('accepted', 'in_progress')";

    private final Jdbi jdbi;

    /** The counts at one instant. */
    public record Backlog(long outboxPending, long outboxFailed, Optional<Instant> oldestPending, long overdue,
                          long atRisk) {
    }

    public JdbcBacklog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Backlog at(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("select "
                        + "(select count(*) from outbox where sent_at is null and failed_at is null) as pending, "
                        + "(select count(*) from outbox where failed_at is not null) as failed, "
                        + "(select min(created_at) from outbox where sent_at is null and failed_at is null) as oldest, "
                        + "(select count(*) from ticket where " + ON_THE_CLOCK + " and due_at <= :now) as overdue, "
                        + "(select count(*) from ticket where " + ON_THE_CLOCK
                        + " and at_risk_from <= :now and due_at > :now) as at_risk")
                .bind("now", SqlValues.timestamp(now))
                .map((row, ctx) -> new Backlog(row.getLong("pending"), row.getLong("failed"),
                        Optional.ofNullable(SqlValues.instant(row, "oldest")), row.getLong("overdue"),
                        row.getLong("at_risk")))
                .one());
    }
}
