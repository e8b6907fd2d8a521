package org.supportintake.core.jobs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.supportintake.core.privacy.Retention;

/** Quartz job, daily: anonymises tickets closed longer than the retention period ago (see {@link Retention}). */
@DisallowConcurrentExecution
public final class AnonymiseClosedTickets implements Job {

    private final Retention retention;

    public AnonymiseClosedTickets(Retention retention) {
        this.retention = retention;
    }

    @Override
    public void execute(JobExecutionContext context) {
        retention.run();
    }
}
