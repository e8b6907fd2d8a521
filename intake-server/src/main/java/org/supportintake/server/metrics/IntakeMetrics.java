package org.supportintake.server.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.supportintake.core.intake.IntakeObserver;
import org.supportintake.core.jdbc.JdbcBacklog;
import org.supportintake.core.submission.Channel;
import org.supportintake.mail.imap.MailboxStatus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The server's meters in one Prometheus registry (docs/metrics.md names each): the JVM's, intake by channel and
 * outcome and the time of each stage (as {@link IntakeObserver}), and per mailbox its lag, failures and set-aside
 * mail. The other parts register theirs on {@link #registry()}.
 */
public final class IntakeMetrics implements IntakeObserver, AutoCloseable {

    static final List<String> OUTCOMES = List.of("created", "follow_up", "duplicate", "invalid", "ignored", "set_aside");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** What function counters read: the registry holds them weakly, and they would read NaN after a GC. */
    private final List<Object> read = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private BacklogGauges backlog;

    public IntakeMetrics(Clock clock) {
        this.clock = clock;
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        // every series from the start, so a rate over the first event is not lost
        for (Channel channel : Channel.values()) {
            OUTCOMES.forEach(outcome -> submissions(channel, outcome));
        }
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Everything, in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void stageRan(String stage, long nanos) {
        Timer.builder("intake.stage").description("time of one stage of the intake path").tag("stage", stage)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void taken(Channel channel, String outcome) {
        submissions(channel, outcome).increment();
    }

    private Counter submissions(Channel channel, String outcome) {
        return Counter.builder("intake.submissions").description("submissions taken in, by channel and outcome")
                .tag("channel", channel.code()).tag("outcome", outcome).register(registry);
    }

    /**
     * One mailbox's gauges: the age of the oldest message waiting in its inbox (0 when none waits), failed polls in a
     * row, and mail set aside since the start.
     */
    public void mailbox(String name, Supplier<MailboxStatus> status, Supplier<Optional<Instant>> oldestWaiting) {
        Gauge.builder("intake.mailbox.lag", () -> oldestWaiting.get()
                        .map(since -> Math.max(0, Duration.between(since, clock.instant()).toMillis()) / 1000.0).orElse(0.0))
                .description("age of the oldest message waiting in the inbox, as the last poll saw it")
                .baseUnit("seconds").tag("mailbox", name).register(registry);
        Gauge.builder("intake.mailbox.consecutive.failures", () -> status.get().consecutiveFailures())
                .description("polls in a row that failed").tag("mailbox", name).register(registry);
        read.add(status);
        FunctionCounter.builder("intake.mail.set.aside", status, s -> s.get().setAside())
                .description("mails set aside in the Failed folder since the start").tag("mailbox", name)
                .register(registry);
    }

    /** The outbox, reply-clock and database gauges (docs/metrics.md), from one cached statement. */
    public synchronized void backlog(JdbcBacklog counts) {
        backlog = new BacklogGauges(counts, clock, registry);
    }

    @Override
    public synchronized void close() {
        if (backlog != null) {
            backlog.close();
        }
        gc.close();
        registry.close();
    }
}
