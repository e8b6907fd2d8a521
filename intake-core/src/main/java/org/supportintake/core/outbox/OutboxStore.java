package org.supportintake.core.outbox;

/** Mail waiting to be sent, inside the current transaction. */
public interface OutboxStore {

    long add(OutboxMessage message);

    long count();
}
