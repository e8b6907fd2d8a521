package org.supportintake.core.jdbc;

import java.time.Instant;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.supportintake.core.work.DigestFacts;
import org.supportintake.core.work.DigestQuery;

/**
 * {@link DigestQuery} in one read-only pass; open tickets come from the reply clock's flag indexes, ratings from
 * {@code rating}'s time index (a rating changed since the last digest counts once, with its current score).
 */
public final class JdbcDigestQuery implements DigestQuery {

    /** A digest lists at most this many numbers a kind; the count beyond is in the staff queue. */
    private static final int LISTED = 200;
    private static final String OPEN = "status in ('accepted', 'in_progress', 'waiting_for_citizen')";

    private final Jdbi jdbi;

    public JdbcDigestQuery(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public DigestFacts facts(Instant since, Instant now) {
        return jdbi.withHandle(h -> new DigestFacts(
                numbers(h, "select number from ticket where overdue = true and " + OPEN + " order by due_at"),
                numbers(h, "select number from ticket where at_risk = true and overdue = false and " + OPEN
                        + " order by due_at"),
                numbers(h, "select number from ticket where repeat_request = true and " + OPEN + " order by due_at"),
                h.createQuery("select distinct t.number from outbox o join ticket t on t.id = o.ticket_id "
                                + "where o.failed_at >= :since and o.failed_at < :now order by t.number limit " + LISTED)
                        .bind("since", SqlValues.timestamp(since)).bind("now", SqlValues.timestamp(now))
                        .mapTo(String.class).list(),
                h.createQuery("select count(*) from intake_event where kind = 'mail_failed' "
                                + "and occurred_at >= :since and occurred_at < :now")
                        .bind("since", SqlValues.timestamp(since)).bind("now", SqlValues.timestamp(now))
                        .mapTo(Integer.class).one(),
                h.createQuery("select count(*) as n, coalesce(sum(score), 0) as total from rating "
                                + "where rated_at >= :since and rated_at < :now")
                        .bind("since", SqlValues.timestamp(since)).bind("now", SqlValues.timestamp(now))
                        .map((row, ctx) -> new DigestFacts.Ratings(row.getInt("n"), row.getLong("total"))).one(),
                since));
    }

    private static List<String> numbers(Handle handle, String query) {
        return handle.createQuery(query + " limit " + LISTED).mapTo(String.class).list();
    }
}
