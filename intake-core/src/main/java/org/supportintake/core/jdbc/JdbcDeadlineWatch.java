package org.supportintake.core.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Coded;
import org.supportintake.core.work.DeadlineWatch;

/**
 * {@link DeadlineWatch} as index range scans (ticket_overdue_scan_idx, ticket_at_risk_scan_idx, ticket_paused_idx):
 * only tickets not yet flagged and still on the clock are read, so the cost follows what changes, not how many
 * tickets are open. Each change is a conditional update, so two nodes never log one twice.
 */
public final class JdbcDeadlineWatch implements DeadlineWatch {

    private static final int BATCH = 500;
    private static final String ON_THE_CLOCK = "answered = false and status in ('accepted', 'in_progress')";

    private final Jdbi jdbi;

    public JdbcDeadlineWatch(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public int flagOverdue(Instant now) {
        return sweep("select id, number, channel from ticket where overdue = false and " + ON_THE_CLOCK
                        + " and due_at <= :now order by due_at limit " + BATCH,
                "update ticket set overdue = true where id = :id and overdue = false", EventKind.TICKET_OVERDUE,
                "due time passed", now, now);
    }

    @Override
    public int flagAtRisk(Instant now) {
        return sweep("select id, number, channel from ticket where at_risk = false and " + ON_THE_CLOCK
                        + " and at_risk_from <= :now order by at_risk_from limit " + BATCH,
                "update ticket set at_risk = true where id = :id and at_risk = false", EventKind.TICKET_AT_RISK,
                "less than the at-risk share of business time left", now, now);
    }

    @Override
    public int closeResolved(Instant resolvedBefore, Instant now) {
        return sweep("select id, number, channel from ticket where status = 'resolved' and paused_since < :now "
                        + "order by paused_since limit " + BATCH,
                "update ticket set status = 'closed' where id = :id and status = 'resolved'", EventKind.TICKET_CLOSED,
                "reopen window over", resolvedBefore, now);
    }

    /** Batch by batch: select candidates up to {@code until}, change each once (one batched statement), log what changed. */
    private int sweep(String select, String change, EventKind kind, String detail, Instant until, Instant now) {
        int total = 0;
        for (int changed = -1; changed != 0; total += changed) {
            changed = jdbi.inTransaction(h -> {
                List<Candidate> tickets = candidates(h, select, until);
                if (tickets.isEmpty()) {
                    return 0;
                }
                PreparedBatch updates = h.prepareBatch(change);
                tickets.forEach(ticket -> updates.bind("id", ticket.id()).add());
                int[] counts = updates.execute();
                List<IntakeEvent> events = new ArrayList<>();
                for (int i = 0; i < counts.length; i++) {
                    // another node may have changed it since the select: only what this update changed is logged
                    if (counts[i] == 1) {
                        Candidate ticket = tickets.get(i);
                        events.add(new IntakeEvent(now, kind, ticket.channel(), ticket.number(),
                                OptionalLong.of(ticket.id()), detail));
                    }
                }
                new JdbcIntakeLog(h).appendAll(events);
                return events.size();
            });
        }
        return total;
    }

    private static List<Candidate> candidates(Handle handle, String select, Instant until) {
        return handle.createQuery(select).bind("now", SqlValues.timestamp(until))
                .map((row, ctx) -> new Candidate(row.getLong("id"), row.getString("number"),
                        Coded.byCode(Channel.class, row.getString("channel")).orElseThrow()))
                .list();
    }

    private record Candidate(long id, String number, Channel channel) {
    }
}
