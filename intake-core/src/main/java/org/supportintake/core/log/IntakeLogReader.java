package org.supportintake.core.log;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.supportintake.core.submission.Channel;

/** The intake log as staff read it: newest first, filtered, a page at a time. Thread-safe. */
public interface IntakeLogReader {

    /** {@code limit} events matching {@code filter} with ids below {@code before} (from the newest when empty). */
    Page find(Filter filter, Optional<Long> before, int limit);

    /** What to show; each part empty means any. {@code from} inclusive, {@code to} exclusive. */
    record Filter(Optional<EventKind> kind, Optional<Channel> channel, Optional<Instant> from, Optional<Instant> to) {

        public static Filter any() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * One event: {@code kind} is its stored code (a kind this version does not know still shows), {@code ticket} the
     * ticket's number (empty when none), {@code channel} and {@code staff} empty when none.
     */
    record Entry(long id, Instant at, String kind, String channel, String ticket, String staff, String detail) {
    }

    /** One page, and the cursor of the next when there is one. */
    record Page(List<Entry> entries, Optional<Long> next) {

        public Page {
            entries = List.copyOf(entries);
        }
    }
}
