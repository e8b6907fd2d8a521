package org.supportintake.core.jobs;

import java.time.Clock;
import java.time.Instant;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.core.sla.ReplyClock;
import org.supportintake.core.work.DeadlineWatch;

/** Quartz job, every minute: flags overdue and at-risk tickets and closes those resolved past the reopen window. */
@DisallowConcurrentExecution
public final class FlagOverdue implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(FlagOverdue.class);

    private final DeadlineWatch watch;
    private final ReplyClock replyClock;
    private final Clock clock;

    public FlagOverdue(DeadlineWatch watch, ReplyClock replyClock, Clock clock) {
        this.watch = watch;
        this.replyClock = replyClock;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        run();
    }

    /** One sweep; what the job does each minute. */
    public void run() {
        Instant now = clock.instant();
        int overdue = watch.flagOverdue(now);
        int atRisk = watch.flagAtRisk(now);
        int closed = watch.closeResolved(replyClock.closesResolvedBefore(now), now);
        if (overdue + atRisk + closed > 0) {
            LOG.info("reply clock: {} overdue, {} at risk, {} closed after the reopen window", overdue, atRisk, closed);
        }
    }
}
