package org.supportintake.core.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.supportintake.core.work.SupervisorDigest;

/** Quartz job on {@code INTAKE_DIGEST_CRON}: the supervisors' digest of what happened since the previous one. */
@DisallowConcurrentExecution
public final class SendDigest implements Job {

    private final SupervisorDigest digest;
    private final Clock clock;

    public SendDigest(SupervisorDigest digest, Clock clock) {
        this.digest = digest;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        Instant previous = context.getPreviousFireTime() == null ? null : context.getPreviousFireTime().toInstant();
        digest.send(previous == null ? clock.instant().minus(Duration.ofDays(1)) : previous);
    }
}
