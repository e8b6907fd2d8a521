package org.supportintake.core.intake;

import java.util.function.Function;
import java.util.function.Supplier;

/** Runs work in one database transaction: committed when it returns, rolled back when it throws. Thread-safe. */
public interface Transactions {

    <T> T inTransaction(Function<Stores, T> work);

    /**
     * Group commit: every {@link #inTransaction} that {@code work} makes on this thread joins one transaction,
     * committed once when {@code work} returns and rolled back entirely when it throws. A joined call that throws
     * spoils the group: later joined calls throw {@link GroupCommitSpoiledException} at once, and so does this method
     * when {@code work} returns, with nothing committed; the caller then takes the calls again one at a time. (No
     * savepoint per call: on PostgreSQL its two round trips were a fifth of a batch of mail's time.) Without support
     * for it, each call commits on its own.
     */
    default <T> T inOneCommit(Supplier<T> work) {
        return work.get();
    }
}
