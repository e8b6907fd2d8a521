package org.supportintake.core.jobs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.supportintake.core.outbox.OutboxDelivery;

/** Quartz job: sends what is due in the outbox. Runs every few seconds and is nudged after every intake. */
@DisallowConcurrentExecution
public final class SendOutbox implements Job {

    private final OutboxDelivery delivery;

    public SendOutbox(OutboxDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(JobExecutionContext context) {
        delivery.deliverDue();
    }
}
