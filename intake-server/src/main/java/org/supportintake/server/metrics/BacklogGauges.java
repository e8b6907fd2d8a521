package org.supportintake.server.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.core.jdbc.JdbcBacklog;
import org.supportintake.core.jdbc.JdbcBacklog.Backlog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox and reply-clock gauges, from one statement kept for {@link #FRESH}: a scrape reads five gauges, and
 * several scrapers may come at once, yet the database answers once. NaN while the database does not answer.
 */
public final class BacklogGauges {

    static final Duration FRESH = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(BacklogGauges.class);

    private final JdbcBacklog backlog;
    private final Clock clock;
    private Backlog last;
    private long lastNanos;

    public BacklogGauges(JdbcBacklog backlog, Clock clock, MeterRegistry registry) {
        this.backlog = backlog;
        this.clock = clock;
        gauge(registry, "intake.outbox.pending", "outbox mails waiting to be sent", b -> b.outboxPending());
        gauge(registry, "intake.outbox.failed", "outbox mails given up on (acknowledgements that failed)",
                b -> b.outboxFailed());
        Gauge.builder("intake.outbox.oldest.pending.age", this, g -> g.value(b -> b.oldestPending()
                        .map(at -> Math.max(0, Duration.between(at, clock.instant()).toMillis()) / 1000.0).orElse(0.0)))
                .description("age of the oldest outbox mail waiting to be sent (0 when none)").baseUnit("seconds")
                .strongReference(true).register(registry);
        gauge(registry, "intake.tickets.overdue", "tickets on the reply clock past their due time", b -> b.overdue());
        gauge(registry, "intake.tickets.at.risk", "tickets on the reply clock in their at-risk share, not yet overdue",
                b -> b.atRisk());
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Backlog> value) {
        // strong: the registry is all that holds this object, and a weakly held one would read NaN after a GC
        Gauge.builder(name, this, g -> g.value(value)).description(description).strongReference(true).register(registry);
    }

    private double value(ToDoubleFunction<Backlog> value) {
        Backlog counts = current();
        return counts == null ? Double.NaN : value.applyAsDouble(counts);
    }

    private synchronized Backlog current() {
        if (last == null || System.nanoTime() - lastNanos > FRESH.toNanos()) {
            try {
                Instant now = clock.instant();
                last = backlog.at(now);
            } catch (RuntimeException e) {
                LOG.debug("backlog gauges: database unreachable: {}", e.toString());
                last = null;
            }
            lastNanos = System.nanoTime();
        }
        return last;
    }
}
