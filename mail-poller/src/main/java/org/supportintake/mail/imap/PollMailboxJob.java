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
 * batch leaves some behind ({@link MailboxPoller#drain(int)}).
 */
@DisallowConcurrentExecution
public final class PollMailboxJob implements Job {

    public static final String MAILBOX = "mailbox";
    private static final int MAX_BATCHES_PER_RUN = 100;

    private final Map<String, MailboxPoller> pollers;

    public PollMailboxJob(Map<String, MailboxPoller> pollers) {
        this.pollers = Map.copyOf(pollers);
    }

    @Override
    public void execute(JobExecutionContext context) {
        MailboxPoller poller = pollers.get(context.getMergedJobDataMap().getString(MAILBOX));
        if (poller == null) {
            return; // a mailbox removed from the settings while its job was still stored
        }
        poller.drain(MAX_BATCHES_PER_RUN); // mail may arrive faster than the interval
    }
}
