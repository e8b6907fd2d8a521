package org.supportintake.core.intake;

import java.util.function.Function;
import java.util.function.Supplier;

/** Runs work in one database transaction: committed when it returns, rolled back when it throws. Thread-safe. */
public interface Transactions {

    <T> T inTransaction(Function<Stores, T> work);

    /**
     * Group commit: every {@link #inTransaction} that {@code work} makes on this thread joins one transaction,
     * committed once when {@code work} returns and rolled back entirely when it throws. Each joined call keeps its
     * own all-or-nothing (a savepoint): one that throws leaves no trace, and the others go on. Without support for
     * it, each call commits on its own.
     */
    default <T> T inOneCommit(Supplier<T> work) {
        return work.get();
    }
}
