package org.supportintake.core.queue;

import java.util.List;
import java.util.Optional;

/** One page of the queue, and where the next begins when there is one. */
public record QueuePage(List<QueueRow> rows, Optional<QueueCursor> next) {

    public QueuePage {
        rows = List.copyOf(rows);
    }
}
