package org.supportintake.core.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store of set-aside mail. Rows are added by the mail path (inside the transaction that logs the failure) and
 * only ever change state; nothing here deletes a row. Implementations are thread-safe.
 */
public interface Quarantine {

    /** Records a set-aside mail at {@code at}; returns its id. */
    long add(Instant at, NewSetAside mail);

    Optional<SetAsideMail> find(long id);

    /** Newest first, {@code limit} rows with ids below {@code before} (all when empty). */
    Page page(Optional<Long> before, int limit);

    /** Notes a replay's outcome; the row stays waiting unless {@code replayed}. False when there is no such row. */
    boolean noteReplay(long id, boolean replayed, String outcome, String staff, Instant at);

    /** Marks the row deleted (its raw file is the caller's to remove); false when there is none, or it was already. */
    boolean markDeleted(long id, String staff, Instant at);

    /** One page of rows, and the cursor ({@code before}) of the next when there is one. */
    record Page(List<SetAsideMail> mails, Optional<Long> next) {

        public Page {
            mails = List.copyOf(mails);
        }
    }
}
