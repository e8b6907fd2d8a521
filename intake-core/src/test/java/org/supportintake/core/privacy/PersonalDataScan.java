package org.supportintake.core.privacy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;

/** Searches every text column of every table of the current schema for strings; answers where each was found. */
public final class PersonalDataScan {

    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);

    private PersonalDataScan() {
    }

    /** "table.column: needle" for each needle found (case-insensitive) in any row; empty when none is. */
    public static List<String> find(Jdbi jdbi, List<String> needles) {
        return jdbi.withHandle(h -> {
            List<String> found = new ArrayList<>();
            List<String[]> columns = textColumns(h.getConnection());
            if (columns.size() < 50) {
                throw new IllegalStateException("the scan sees too few columns to be trusted: " + columns.size());
            }
            for (String[] column : columns) {
                for (String needle : needles) {
                    long rows = h.createQuery("select count(*) from " + column[0] + " where lower(" + column[1]
                                    + ") like :needle")
                            .bind("needle", "%" + needle.toLowerCase(Locale.ROOT) + "%").mapTo(Long.class).one();
                    if (rows > 0) {
                        found.add(column[0] + "." + column[1] + ": " + needle);
                    }
                }
            }
            return found;
        });
    }

    private static List<String[]> textColumns(Connection connection) {
        try {
            return columns(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String[]> columns(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String[]> columns = new ArrayList<>();
        try (ResultSet rows = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
            while (rows.next()) {
                if (TEXT.contains(rows.getInt("DATA_TYPE"))) {
                    columns.add(new String[] {rows.getString("TABLE_NAME"), rows.getString("COLUMN_NAME")});
                }
            }
        }
        return columns;
    }
}
