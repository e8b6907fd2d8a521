package org.supportintake.core.outbox;

/** Told after a transaction that may have written outbox rows has committed, so they leave now, not at the next run. */
@FunctionalInterface
public interface OutboxNudge {

    OutboxNudge NONE = () -> { };

    void outboxWritten();
}
