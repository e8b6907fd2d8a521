package org.supportintake.core.queue;

import java.util.Optional;

/** The staff queue: tickets matching a filter, by due time (then by key), a page at a time. */
public interface TicketQueue {

    /** The most rows one page holds, whatever is asked. */
    int MAX_LIMIT = 200;
    int DEFAULT_LIMIT = 50;

    /** Up to {@code limit} (at most {@link #MAX_LIMIT}) rows after {@code after}, matching {@code filter}. */
    QueuePage find(QueueFilter filter, Optional<QueueCursor> after, int limit);
}
