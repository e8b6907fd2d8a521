package org.supportintake.mail.imap;

import java.util.Map;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job that polls one mailbox (named by the job's {@value #MAILBOX} data). Never two at
 * once for a mailbox, on any node: {@code @DisallowConcurrentExecution} with the clustered JDBC
 * store, which does not hold for the one-off triggers of IDLE nudges, so the server also runs it
 * under a lock per mailbox (its {@code MailboxLocks}). Takes batches until the inbox is empty or a
 * batch comes back short.
 */
@DisallowConcurrentExecution
public final class PollMailboxJob implements Job {

    public static final String MAILBOX = "mailbox";
    private static final int MAX_BATCHES_PER_RUN = 100;

    private final Map<String, MailboxPoller> pollers;
    private final int batchSize;

    public PollMailboxJob(Map<String, MailboxPoller> pollers, int batchSize) {
        this.pollers = Map.copyOf(pollers);
        this.batchSize = batchSize;
    }

    @Override
    public void execute(JobExecutionContext context) {
        MailboxPoller poller = pollers.get(context.getMergedJobDataMap().getString(MAILBOX));
        if (poller == null) {
            return; // a mailbox removed from the settings while its job was still stored
        }
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN && poller.poll() >= batchSize; batch++) {
            // keep taking full batches: mail arrived faster than the interval
        }
    }
}
