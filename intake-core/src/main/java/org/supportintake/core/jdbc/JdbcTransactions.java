package org.supportintake.core.jdbc;

import java.util.function.Function;
import java.util.function.Supplier;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.supportintake.core.intake.GroupCommitSpoiledException;
import org.supportintake.core.intake.ReceiptStore;
import org.supportintake.core.intake.Stores;
import org.supportintake.core.intake.Transactions;
import org.supportintake.core.log.IntakeLog;
import org.supportintake.core.outbox.OutboxStore;
import org.supportintake.core.quarantine.Quarantine;
import org.supportintake.core.rating.RatingStore;
import org.supportintake.core.ticket.MessageStore;
import org.supportintake.core.ticket.TicketStore;

/**
 * {@link Transactions} on Jdbi: one handle, one transaction per call, at the pool's level: READ COMMITTED, the default
 * of PostgreSQL and H2, which the server's pool also sets on every connection it opens. Within {@link #inOneCommit},
 * every call on the thread's one transaction, which one failing call spoils. On PostgreSQL the inserts nobody reads
 * back go with the transaction's next statement or just before its commit, or the end of the joined call that made
 * them ({@link WriteBehind}).
 */
public final class JdbcTransactions implements Transactions {

    private final Jdbi jdbi;
    private final ThreadLocal<Group> group = new ThreadLocal<>();
    /** Whether the database is PostgreSQL, known from the first transaction on. */
    private volatile Boolean postgres;

    public JdbcTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Function<Stores, T> work) {
        Group joined = group.get();
        if (joined == null) {
            // Not Jdbi's inTransaction(READ_COMMITTED, ...): it reads the connection's level six times around every
            // transaction to set and restore it, and PostgreSQL's driver asks the server each time (SHOW TRANSACTION
            // ISOLATION LEVEL): six round trips per accept, as many as its inserts.
            return jdbi.inTransaction(handle -> {
                HandleStores stores = stores(handle);
                T result = work.apply(stores);
                stores.writes().flush(); // what was held back goes before the commit
                return result;
            });
        }
        return joined.join(work);
    }

    @Override
    public <T> T inOneCommit(Supplier<T> work) {
        if (group.get() != null) {
            return work.get();
        }
        return jdbi.inTransaction(handle -> {
            Group joined = new Group(stores(handle));
            group.set(joined);
            try {
                T result = work.get();
                joined.throwIfSpoiled();
                joined.stores.writes().flush(); // each joined call sent its own; nothing may stay behind the commit
                return result;
            } finally {
                group.remove();
            }
        });
    }

    private HandleStores stores(Handle handle) {
        Boolean known = postgres;
        if (known == null) {
            known = Database.isPostgres(handle.getConnection());
            postgres = known;
        }
        return new HandleStores(handle, known);
    }

    /** The thread's one transaction while {@link #inOneCommit} runs, and the first joined call that failed in it. */
    private static final class Group {
        private final HandleStores stores;
        private Throwable firstFailure;

        private Group(HandleStores stores) {
            this.stores = stores;
        }

        <T> T join(Function<Stores, T> work) {
            throwIfSpoiled();
            try {
                T result = work.apply(stores);
                stores.writes().flush(); // what it held back is sent within the call, so a failure is its own
                return result;
            } catch (RuntimeException | Error e) {
                stores.writes().discard();
                firstFailure = e;
                throw e;
            }
        }

        void throwIfSpoiled() {
            if (firstFailure != null) {
                throw new GroupCommitSpoiledException(firstFailure);
            }
        }
    }

    private record HandleStores(TicketStore tickets, MessageStore messages, OutboxStore outbox, IntakeLog log,
                                ReceiptStore receipts, RatingStore ratings, Quarantine quarantine, WriteBehind writes)
            implements Stores {

        /** On PostgreSQL, writes nobody reads back are held to go with the next statement (see WriteBehind). */
        HandleStores(Handle handle, boolean postgres) {
            this(handle, postgres, new WriteBehind(handle, postgres));
        }

        private HandleStores(Handle handle, boolean postgres, WriteBehind writes) {
            this(new JdbcTicketStore(writes, postgres), new JdbcMessageStore(writes), new JdbcOutboxStore(writes),
                    new JdbcIntakeLog(writes), new JdbcReceiptStore(writes), new JdbcRatingStore(handle),
                    new JdbcQuarantine(handle), writes);
        }
    }
}
