package org.supportintake.core.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jdbi.v3.core.Jdbi;
import org.supportintake.core.jdbc.JdbcDeadlineWatch;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.TestDatabases;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One {@code FlagOverdue} sweep (overdue and at-risk flags) over N open tickets on PostgreSQL, of which 1,000 just
 * became overdue (so at risk too) and 1,000 more just at risk, with N/2 closed tickets of the past beside them; baseline measured in the
 * same run: one count over the open tickets, the least a sweep that looked at every open ticket would cost. Prints
 * the plan of the sweep's query, which must be an index scan. Run by {@code bench/flag-overdue.sh}.
 */
public final class FlagOverdueBenchmark {

    private static final int CHANGED = 1_000;

    private FlagOverdueBenchmark() {
    }

    public static void main(String[] args) {
        int open = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        HikariDataSource dataSource = TestDatabases.postgresSchema();
        try {
            Jdbi jdbi = IntakeFixture.on(dataSource).jdbi();
            Instant now = Instant.parse("2026-12-03T09:00:00Z");
            long loading = System.nanoTime();
            fill(jdbi, open, now);
            System.out.printf(Locale.ROOT, "loaded %,d open and %,d closed tickets in %.1f s%n", open, open / 2,
                    (System.nanoTime() - loading) / 1e9);
            List<String> plan = jdbi.withHandle(h -> h.createQuery("explain select id, number, channel from ticket "
                    + "where overdue = false and answered = false and status in ('accepted', 'in_progress') "
                    + "and due_at <= :now order by due_at limit 500").bind("now", now.atOffset(java.time.ZoneOffset.UTC))
                    .mapTo(String.class).list());
            plan.forEach(line -> System.out.println("  plan: " + line));

            JdbcDeadlineWatch watch = new JdbcDeadlineWatch(jdbi);
            double baseline = best(() -> jdbi.withHandle(h -> h.createQuery("select count(*) from ticket "
                    + "where status in ('accepted', 'in_progress')").mapTo(Long.class).one()));
            long started = System.nanoTime();
            int overdue = watch.flagOverdue(now);
            int atRisk = watch.flagAtRisk(now);
            double sweep = (System.nanoTime() - started) / 1e9;
            double idle = best(() -> watch.flagOverdue(now) + watch.flagAtRisk(now));

            System.out.printf(Locale.ROOT, "%-28s %10s %8s%n", "", "seconds", "ratio");
            System.out.printf(Locale.ROOT, "%-28s %10.3f %8s%n", "baseline: count open", baseline, "1.00");
            System.out.printf(Locale.ROOT, "%-28s %10.3f %8.3f   (%d overdue, %d at risk flagged)%n",
                    "sweep setting " + (overdue + atRisk) + " flags", sweep, sweep / baseline, overdue, atRisk);
            System.out.printf(Locale.ROOT, "%-28s %10.3f %8.3f%n", "sweep with nothing to do", idle, idle / baseline);
        } finally {
            TestDatabases.dropPostgresSchema(dataSource);
        }
    }

    /** Open tickets due from now on (the first 1,000 a minute ago, the next 1,000 at risk since a minute ago). */
    private static void fill(Jdbi jdbi, int open, Instant now) {
        jdbi.useHandle(h -> {
            h.createUpdate("insert into ticket (number, channel, status, priority, category, title, requester_email, "
                            + "requester_name, requester_phone, callback_time, created_at, due_at, at_risk_from, "
                            + "allowed_seconds) select 'b-' || g, 'form', 'in_progress', 'normal', 'technical_problem', "
                            + "'bench', 'b' || g || '@example.ru', 'Bench', '+79123456789', '', cast(:now as timestamp with time zone) - interval '1 day', "
                            + "case when g <= :changed then cast(:now as timestamp with time zone) - interval '1 minute' else cast(:now as timestamp with time zone) + g * interval '1 second' + interval '2 hours' end, "
                            + "case when g <= 2 * :changed then cast(:now as timestamp with time zone) - interval '1 minute' "
                            + "else cast(:now as timestamp with time zone) + g * interval '1 second' + interval '1 hour' end, 97200 "
                            + "from generate_series(1, :open) g")
                    .bind("now", now.atOffset(java.time.ZoneOffset.UTC)).bind("changed", CHANGED).bind("open", open)
                    .execute();
            h.createUpdate("insert into ticket (number, channel, status, priority, category, title, requester_email, "
                            + "requester_name, requester_phone, callback_time, created_at, due_at, at_risk_from, "
                            + "allowed_seconds, answered, paused_since) select 'c-' || g, 'email', 'closed', 'normal', '', "
                            + "'bench', 'c' || g || '@example.ru', 'Bench', '', '', cast(:now as timestamp with time zone) - interval '300 days', "
                            + "cast(:now as timestamp with time zone) - interval '200 days', cast(:now as timestamp with time zone) - interval '201 days', 97200, true, cast(:now as timestamp with time zone) - interval '250 days' "
                            + "from generate_series(1, :closed) g")
                    .bind("now", now.atOffset(java.time.ZoneOffset.UTC)).bind("closed", open / 2).execute();
            h.execute("analyze ticket");
        });
    }

    /** The best of five runs, in seconds: the steady cost, not the first run's cold cache. */
    private static double best(Runnable run) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - started) / 1e9);
        }
        return best;
    }

    private static double best(java.util.function.Supplier<?> run) {
        return best((Runnable) run::get);
    }
}
