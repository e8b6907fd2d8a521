package org.supportintake.server.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.core.jdbc.JdbcBacklog;
import org.supportintake.core.jdbc.JdbcBacklog.Backlog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox and reply-clock gauges, and whether the database answers, from one statement kept for {@link #FRESH}:
 * a scrape reads six gauges, and several scrapers may come at once, yet the database answers once. The statement
 * runs on its own thread and a scrape waits for it at most {@link #WAIT}, so a database that is gone (the pool waits
 * 30 s for a connection) does not stall the scrape: the counts read NaN and {@code intake_database_up} 0.
 */
final class BacklogGauges implements AutoCloseable {

    static final Duration FRESH = Duration.ofSeconds(5);
    static final Duration WAIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(BacklogGauges.class);

    private final JdbcBacklog backlog;
    private final Clock clock;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "metrics-backlog");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Backlog> refresh;
    private long refreshedAt;

    BacklogGauges(JdbcBacklog backlog, Clock clock, MeterRegistry registry) {
        this.backlog = backlog;
        this.clock = clock;
        gauge(registry, "intake.outbox.pending", "outbox mails waiting to be sent", b -> b.outboxPending());
        gauge(registry, "intake.outbox.failed", "outbox mails given up on (acknowledgements that failed)",
                b -> b.outboxFailed());
        gauge(registry, "intake.outbox.oldest.pending.age.seconds",
                "age in seconds of the oldest outbox mail waiting to be sent (0 when none)",
                b -> b.oldestPending().map(at -> Math.max(0, Duration.between(at, clock.instant()).toMillis()) / 1000.0)
                        .orElse(0.0));
        gauge(registry, "intake.tickets.overdue", "tickets on the reply clock past their due time", b -> b.overdue());
        gauge(registry, "intake.tickets.at.risk", "tickets on the reply clock in their at-risk share, not yet overdue",
                b -> b.atRisk());
        // strong: the registry is all that holds this object, and a weakly held one would read NaN after a GC
        Gauge.builder("intake.database.up", this, g -> g.current() == null ? 0 : 1)
                .description("1 when the database answered the metrics' statement within 2 s, else 0")
                .strongReference(true).register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Backlog> value) {
        Gauge.builder(name, this, g -> {
            Backlog counts = g.current();
            return counts == null ? Double.NaN : value.applyAsDouble(counts);
        }).description(description).strongReference(true).register(registry);
    }

    /** The counts at most {@link #FRESH} old, or null when the database did not answer (within {@link #WAIT}). */
    private Backlog current() {
        Future<Backlog> running;
        synchronized (this) {
            if (refresh == null || refresh.isDone() && System.nanoTime() - refreshedAt > FRESH.toNanos()) {
                refresh = refresher.submit(() -> backlog.at(clock.instant()));
                refreshedAt = System.nanoTime();
            }
            running = refresh;
        }
        try {
            return running.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("backlog gauges: the database did not answer: {}", e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
