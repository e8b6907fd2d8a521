package org.supportintake.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.supportintake.mail.imap.PollMailboxJob;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The scheduler's meters on a real Quartz scheduler: a run is timed (a poll by its mailbox), a misfire counted. */
class JobMetersTest {

    /** Does nothing, quickly. */
    public static final class Nothing implements org.quartz.Job {
        @Override
        public void execute(org.quartz.JobExecutionContext context) {
        }
    }

    @Test
    void aJobRunIsTimedAndATriggerMissedByMoreThanTheThresholdIsAMisfire() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        JobMeters meters = new JobMeters(registry);
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "job-meters-test");
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        scheduler.getListenerManager().addJobListener(meters.jobs());
        scheduler.getListenerManager().addTriggerListener(meters.triggers());
        scheduler.start();
        try {
            scheduler.scheduleJob(JobBuilder.newJob(Nothing.class).withIdentity("poll box", "mail")
                    .usingJobData(PollMailboxJob.MAILBOX, "box").build(), TriggerBuilder.newTrigger().startNow().build());
            // due a minute ago: with a threshold of 1 s, Quartz reports it as misfired before it fires
            scheduler.scheduleJob(JobBuilder.newJob(Nothing.class).withIdentity("late").build(),
                    TriggerBuilder.newTrigger().startAt(Date.from(Instant.now().minusSeconds(60)))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withMisfireHandlingInstructionFireNow()).build());
            Instant deadline = Instant.now().plusSeconds(20);
            while (registry.counter("intake.scheduler.misfires").count() < 1
                    || registry.find("intake.mailbox.poll").timer() == null) {
                assertThat(Instant.now()).isBefore(deadline);
                Thread.sleep(50);
            }
        } finally {
            scheduler.shutdown(true);
        }

        assertThat(registry.counter("intake.scheduler.misfires").count()).isEqualTo(1);
        assertThat(registry.get("intake.mailbox.poll").tag("mailbox", "box").timer().count()).isEqualTo(1);
        assertThat(registry.get("intake.job").tag("job", "poll box").timer().count()).isEqualTo(1);
    }
}
