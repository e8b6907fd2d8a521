package org.supportintake.core.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * One statement on the handle's own connection (so inside its transaction), values by position, for the statements
 * every accept runs: Jdbi builds, binds and maps each statement through its configuration and argument factories,
 * which was a fifth of an accept's CPU. Values go as {@link SqlValues} would send them (an {@link Instant} as a UTC
 * {@code OffsetDateTime} in whole seconds); failures are wrapped as Jdbi's own, their {@link SQLException} the cause.
 */
final class PreparedSql {

    private static final String[] ID = {"id"};

    private final Handle handle;
    private final WriteBehind ahead;
    private final String sql;

    PreparedSql(Handle handle, String sql) {
        this.handle = handle;
        this.ahead = null;
        this.sql = sql;
    }

    /** A statement that first sends what {@code ahead} holds back, in the same round trip. */
    PreparedSql(WriteBehind ahead, String sql) {
        this.handle = ahead.handle();
        this.ahead = ahead;
        this.sql = sql;
    }

    /** Runs an insert and returns the {@code id} it generated; empty when it inserted nothing. */
    OptionalLong insert(Object... values) {
        return insert(ID, keys -> keys.getLong(1), values).map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /** Runs an insert and reads the {@code columns} it generated; empty when it inserted nothing. */
    <T> Optional<T> insert(String[] columns, Row<T> generated, Object... values) {
        if (holdsWrites()) {
            // the driver returns generated keys of one statement only: here the insert asks for them itself
            return withHeldWrites(sql + " returning " + String.join(", ", columns), values,
                    statement -> firstRow(statement.getResultSet(), generated));
        }
        try (PreparedStatement statement = connection().prepareStatement(sql, columns)) {
            bind(statement, values);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                return keys.next() ? Optional.of(generated.read(keys)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Runs an insert or update; returns the count of rows. */
    int update(Object... values) {
        if (holdsWrites()) {
            return withHeldWrites(sql, values, PreparedStatement::getUpdateCount);
        }
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The first row of a query, read by {@code row}; empty when there is none. */
    <T> Optional<T> first(Row<T> row, Object... values) {
        if (holdsWrites()) {
            return withHeldWrites(sql, values, statement -> firstRow(statement.getResultSet(), row));
        }
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            bind(statement, values);
            try (ResultSet rows = statement.executeQuery()) {
                return firstRow(rows, row);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private boolean holdsWrites() {
        return ahead != null && ahead.count() > 0;
    }

    /** The held writes, then this statement ({@code own}), in one round trip; {@code result} reads this one's result. */
    private <T> T withHeldWrites(String own, Object[] values, Result<T> result) {
        List<WriteBehind.Write> writes = ahead.take();
        String text = WriteBehind.text(writes, own);
        try (PreparedStatement statement = connection().prepareStatement(text)) {
            bind(statement, WriteBehind.values(writes, values));
            statement.execute();
            for (int i = 0; i < writes.size(); i++) {
                statement.getMoreResults(); // past each held write's count, to this statement's result
            }
            return result.read(statement);
        } catch (SQLException e) {
            throw WriteBehind.duplicateOr(failed(text, e), writes);
        }
    }

    private static <T> Optional<T> firstRow(ResultSet rows, Row<T> row) throws SQLException {
        try (rows) {
            return rows.next() ? Optional.of(row.read(rows)) : Optional.empty();
        }
    }

    private Connection connection() {
        return handle.getConnection();
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            int position = i + 1;
            if (value == null) {
                statement.setNull(position, Types.OTHER);
            } else if (value instanceof String text) {
                statement.setString(position, text);
            } else if (value instanceof Long number) {
                statement.setLong(position, number);
            } else if (value instanceof Integer number) {
                statement.setInt(position, number);
            } else if (value instanceof Instant instant) {
                statement.setObject(position, instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
            } else {
                throw new IllegalArgumentException("no SQL value for " + value.getClass());
            }
        }
    }

    private UnableToExecuteStatementException failed(SQLException e) {
        return failed(sql, e);
    }

    private static UnableToExecuteStatementException failed(String sql, SQLException e) {
        return new UnableToExecuteStatementException("statement failed: " + sql, e, null);
    }

    /** Reads this statement's result from a statement of several. */
    @FunctionalInterface
    private interface Result<T> {
        T read(PreparedStatement statement) throws SQLException;
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }
}
