package org.supportintake.core.jobs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz job: deletes stored files no message refers to (see {@link SweepUnreferencedFiles}). */
@DisallowConcurrentExecution
public final class SweepFiles implements Job {

    private final SweepUnreferencedFiles sweep;

    public SweepFiles(SweepUnreferencedFiles sweep) {
        this.sweep = sweep;
    }

    @Override
    public void execute(JobExecutionContext context) {
        sweep.run();
    }
}
