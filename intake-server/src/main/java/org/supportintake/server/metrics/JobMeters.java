package org.supportintake.server.metrics;

import java.util.concurrent.TimeUnit;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Trigger;
import org.quartz.listeners.JobListenerSupport;
import org.quartz.listeners.TriggerListenerSupport;
import org.supportintake.mail.imap.PollMailboxJob;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The scheduler's meters, as Quartz listeners: how long each job ran (a mailbox's poll by mailbox), and the
 * triggers that misfired (a node so busy or so long stopped that a run was missed by more than the threshold).
 */
public final class JobMeters {

    private final MeterRegistry registry;
    private final Counter misfires;

    public JobMeters(MeterRegistry registry) {
        this.registry = registry;
        this.misfires = Counter.builder("intake.scheduler.misfires").description("job triggers that misfired")
                .register(registry);
    }

    /** Times every job run; a poll also under {@code intake.mailbox.poll}, by mailbox. */
    public JobListenerSupport jobs() {
        return new JobListenerSupport() {
            @Override
            public String getName() {
                return "intake metrics";
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                long millis = context.getJobRunTime();
                Timer.builder("intake.job").description("time of one job run").tag("job", context.getJobDetail()
                        .getKey().getName()).register(registry).record(millis, TimeUnit.MILLISECONDS);
                String mailbox = context.getMergedJobDataMap().getString(PollMailboxJob.MAILBOX);
                if (mailbox != null) {
                    Timer.builder("intake.mailbox.poll").description("time of one run of a mailbox's poll job")
                            .tag("mailbox", mailbox).register(registry).record(millis, TimeUnit.MILLISECONDS);
                }
            }
        };
    }

    /** Counts misfires. */
    public TriggerListenerSupport triggers() {
        return new TriggerListenerSupport() {
            @Override
            public String getName() {
                return "intake metrics";
            }

            @Override
            public void triggerMisfired(Trigger trigger) {
                misfires.increment();
            }
        };
    }
}
