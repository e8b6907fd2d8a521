package org.supportintake.core.intake;

import java.util.function.Function;

/** Runs work in one database transaction: committed when it returns, rolled back when it throws. Thread-safe. */
public interface Transactions {

    <T> T inTransaction(Function<Stores, T> work);
}
