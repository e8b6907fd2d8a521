package org.supportintake.core.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outbox as the sender sees it, shared by every node: due rows are claimed one by one for a lease, so two
 * nodes never send one row at once; a row whose lease ran out (its node died mid-send) is due again. Thread-safe.
 */
public interface OutboxQueue {

    /** Ids of up to {@code max} rows due at {@code now} and not claimed by a live lease, oldest first. */
    List<Long> due(Instant now, int max);

    /** Claims the row until {@code now + lease} and counts the attempt; empty when another node got it first. */
    java.util.Optional<PendingMail> claim(long id, Instant now, Duration lease);

    void sent(long id, Instant at);

    /** The attempt failed for a reason that may pass: the row is due again at {@code next}. */
    void retryAt(long id, Instant next, String error);

    /** No more attempts: the row is marked failed and, in the same transaction, the event is logged. */
    void failed(PendingMail mail, Instant at, String error, String eventDetail);
}
