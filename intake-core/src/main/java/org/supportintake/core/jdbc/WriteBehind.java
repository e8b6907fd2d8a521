package org.supportintake.core.jdbc;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * A transaction's inserts whose result nobody reads (an intake-log event, a message without attachments), held back on
 * PostgreSQL and sent in the same round trip as the transaction's next statement, or alone before it commits or
 * releases its savepoint: each round trip is a wake-up of a JVM thread and of a backend, and on 8 connections on 2
 * cores those waits were most of an accept's time. Every statement on the handle, ours or Jdbi's, sends them first,
 * so the transaction reads its own writes as before, in the order they were made. On other databases each write runs
 * at once. One per transaction; not thread-safe.
 */
final class WriteBehind {

    private final Handle handle;
    private final boolean holds;
    private List<Write> held = new ArrayList<>();

    /** {@code holds}: the database takes several statements in one round trip (PostgreSQL's driver does). */
    WriteBehind(Handle handle, boolean holds) {
        this.handle = handle;
        this.holds = holds;
        if (holds) {
            handle.addCustomizer(new StatementCustomizer() {
                @Override
                public void beforeExecution(PreparedStatement statement, StatementContext context) {
                    flush(); // a statement of Jdbi's: what is held goes first, in a round trip of its own
                }
            });
        }
    }

    Handle handle() {
        return handle;
    }

    /**
     * Writes now, or holds the write back until the transaction's next statement. {@code duplicate} turns a unique
     * violation of this write into the caller's exception, wherever it surfaces.
     */
    void write(String sql, Function<RuntimeException, RuntimeException> duplicate, Object... values) {
        Write write = new Write(sql, values, duplicate);
        if (holds) {
            held.add(write);
        } else {
            send(List.of(write));
        }
    }

    /** Sends what is held back: before a commit, a savepoint's release, or a statement not made through us. */
    void flush() {
        if (!held.isEmpty()) {
            send(take());
        }
    }

    /** How many statements are held back. */
    int count() {
        return held.size();
    }

    /** Forgets what is held back: its transaction or savepoint is being rolled back. */
    void discard() {
        held = new ArrayList<>();
    }

    /** What is held back, now no longer: the caller sends it. */
    List<Write> take() {
        List<Write> writes = held;
        held = new ArrayList<>();
        return writes;
    }

    private void send(List<Write> writes) {
        try {
            new PreparedSql(handle, text(writes, "")).update(values(writes));
        } catch (RuntimeException e) {
            throw duplicateOr(e, writes);
        }
    }

    /** The statements of {@code writes}, then {@code last} (may be empty), as one text: one round trip. */
    static String text(List<Write> writes, String last) {
        String before = writes.stream().map(Write::sql).collect(Collectors.joining("; "));
        return last.isEmpty() ? before : before + "; " + last;
    }

    /** The values of {@code writes} and then {@code last}, in the order of {@link #text}. */
    static Object[] values(List<Write> writes, Object... last) {
        List<Object> all = new ArrayList<>();
        writes.forEach(write -> all.addAll(Arrays.asList(write.values())));
        all.addAll(Arrays.asList(last));
        return all.toArray();
    }

    /** The exception a write chose for its unique violation, when {@code failure} is one; else {@code failure}. */
    static RuntimeException duplicateOr(RuntimeException failure, List<Write> writes) {
        if (SqlValues.isUniqueViolation(failure)) {
            for (Write write : writes) {
                if (write.duplicate() != null) {
                    return write.duplicate().apply(failure);
                }
            }
        }
        return failure;
    }

    /** One statement held back; {@code duplicate} may be null (its unique violations are not expected). */
    record Write(String sql, Object[] values, Function<RuntimeException, RuntimeException> duplicate) {
    }
}
