package org.supportintake.core.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** The database as intake-core uses it: URLs for H2, migrations, and a Jdbi over a pool. */
public final class Database {

    /**
     * H2 must speak PostgreSQL's dialect so one set of migrations and queries serves both; and write each commit to
     * its file at once (WRITE_DELAY=0): by default it does so within a second, and a process killed inside that second
     * lost tickets whose numbers citizens had already been given.
     */
    private static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

    private Database() {
    }

    /** The embedded default: an H2 file database in {@code directory}. */
    public static String h2FileUrl(Path directory) {
        // "retry:" reopens the file when a thread is interrupted in the middle of a write (Quartz's or the IDLE
        // watcher's at shutdown); without it H2 closes the whole database, and every later statement fails.
        return "jdbc:h2:file:retry:" + directory.toAbsolutePath().normalize().resolve("intake") + H2_MODE;
    }

    /** An H2 database that lives as long as the JVM. */
    public static String h2MemoryUrl(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_MODE;
    }

    /** Brings the schema up to date (shared scripts, then each database's own); safe from several nodes at once. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
                .load()
                .migrate();
    }

    /**
     * The folder of this database's own scripts under {@code db/vendor}. Flyway itself has no {@code {vendor}}
     * placeholder in locations (Spring Boot adds one): written literally it matched nothing, and the vendor scripts
     * never ran.
     */
    static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return vendor(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database to migrate: " + e.getMessage(), e);
        }
    }

    /** Whether the connection is to PostgreSQL, which has the vendor scripts under {@code db/vendor/postgresql}. */
    static boolean isPostgres(Connection connection) {
        try {
            return vendor(connection).equals("postgresql");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is: " + e.getMessage(), e);
        }
    }

    private static String vendor(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : product;
    }

    public static Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource);
    }
}
