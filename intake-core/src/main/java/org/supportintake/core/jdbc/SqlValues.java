package org.supportintake.core.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

import org.jdbi.v3.core.argument.Argument;

/** Conversions both drivers agree on: instants travel as UTC {@code OffsetDateTime}, in whole seconds. */
final class SqlValues {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlValues() {
    }

    static Argument timestamp(Instant instant) {
        return (position, statement, context) -> statement.setObject(position,
                instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** An optional key as a nullable column value. */
    static Long orNull(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
