package org.supportintake.core.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.OptionalLong;

import org.jdbi.v3.core.argument.Argument;

/**
 * Conversions both drivers agree on: instants travel as UTC {@code OffsetDateTime} in whole seconds;
 * every string fits its column and carries no NUL or other C0 control character (PostgreSQL refuses
 * NUL in text).
 */
final class SqlValues {

    private static final String UNIQUE_VIOLATION = "23505";
    /** The width of the identifier columns ({@code external_id}, {@code message_id}): RFC 5322's line limit. */
    static final int ID_WIDTH = 998;
    static final String HASHED_ID_PREFIX = "sha256:";

    private SqlValues() {
    }

    static Argument timestamp(Instant instant) {
        return (position, statement, context) -> statement.setObject(position,
                instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** For a {@code text} column: C0 controls removed, tab and line breaks kept. */
    static String text(String value) {
        return withoutControls(value, false);
    }

    /**
     * For a {@code varchar(width)} column: one line (tab and line breaks become spaces, other C0
     * controls go), cut to {@code width} UTF-16 units without splitting a surrogate pair, so it fits
     * whether the database counts code points (PostgreSQL) or units (H2).
     */
    static String varchar(String value, int width) {
        String line = withoutControls(value, true);
        if (line == null || line.length() <= width) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(width - 1)) ? width - 1 : width;
        return line.substring(0, end);
    }

    /**
     * An identifier for an indexed {@code varchar(998)} column: itself when it fits, else
     * {@code sha256:} and the hex SHA-256 of its UTF-8 bytes, so a second delivery still finds it.
     * Every insert and every lookup of such a column goes through here.
     */
    static String id(String value) {
        String clean = withoutControls(value, true);
        if (clean == null || clean.length() <= ID_WIDTH) {
            return clean;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(clean.getBytes(StandardCharsets.UTF_8));
            return HASHED_ID_PREFIX + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String withoutControls(String value, boolean oneLine) {
        if (value == null || value.chars().noneMatch(c -> c < 0x20)) {
            return value;
        }
        StringBuilder clean = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                clean.append(oneLine ? ' ' : c);
            } else if (c >= 0x20) {
                clean.append(c);
            }
        }
        return clean.toString();
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
