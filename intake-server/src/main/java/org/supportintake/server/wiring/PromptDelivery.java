package org.supportintake.server.wiring;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.core.outbox.OutboxDelivery;
import org.supportintake.core.outbox.OutboxNudge;

/**
 * Sends the outbox on this node right after an intake commits, so an acknowledgement leaves within a second
 * rather than at the next {@code SendOutbox} run. Nudges that arrive while a run is waiting to start join it;
 * the rows' claims keep this and the scheduled job of any node from sending one row twice.
 */
final class PromptDelivery implements OutboxNudge, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PromptDelivery.class);

    private final OutboxDelivery delivery;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "intake-prompt-delivery");
        thread.setDaemon(true);
        return thread;
    });

    PromptDelivery(OutboxDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void outboxWritten() {
        if (queued.compareAndSet(false, true) && !executor.isShutdown()) {
            executor.execute(this::run);
        }
    }

    private void run() {
        queued.set(false);
        try {
            delivery.deliverDue();
        } catch (RuntimeException e) {
            // the scheduled job tries again; an outage of the database must not end this thread
            LOG.warn("sending the outbox right after intake failed; the scheduled run will retry: {}", e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
