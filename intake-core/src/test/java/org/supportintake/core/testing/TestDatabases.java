package org.supportintake.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;


import org.junit.jupiter.api.Assumptions;
import org.supportintake.core.jdbc.Database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Fresh, empty databases for tests: H2 in memory, and PostgreSQL schemas. PostgreSQL comes from
 * {@code INTAKE_TEST_PG_URL}; when that is set the database is required (CI), otherwise the local
 * default is tried and, if it is down, the test is skipped with a loud warning.
 */
public final class TestDatabases {

    public static final String PG_URL_VARIABLE = "INTAKE_TEST_PG_URL";
    private static final String PG_DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/intake_test";
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private TestDatabases() {
    }

    public static HikariDataSource h2() {
        return pool(Database.h2MemoryUrl("t" + UUID.randomUUID().toString().replace("-", "")), "sa", "");
    }

    /** A new schema in the test PostgreSQL database; drop it with {@link #dropPostgresSchema}. */
    public static HikariDataSource postgresSchema() {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(pgUrl(), pgUser(), "")) {
            connection.createStatement().execute("create schema " + schema);
        } catch (SQLException e) {
            if (System.getenv(PG_URL_VARIABLE) != null) {
                throw new IllegalStateException("PostgreSQL required by " + PG_URL_VARIABLE + " is not reachable at "
                        + pgUrl(), e);
            }
            if (!WARNED.getAndSet(true)) {
                System.err.println("\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
                    + "!!! PostgreSQL tests SKIPPED: no database at " + pgUrl() + " (" + e.getMessage() + ").\n"
                    + "!!! Set " + PG_URL_VARIABLE + " or run bash .ci/run to test on PostgreSQL.\n"
                    + "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n");
            }
            Assumptions.abort("PostgreSQL not available at " + pgUrl());
        }
        String separator = pgUrl().contains("?") ? "&" : "?";
        return pool(pgUrl() + separator + "currentSchema=" + schema, pgUser(), "");
    }

    public static void dropPostgresSchema(HikariDataSource dataSource) {
        String url = dataSource.getJdbcUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        dataSource.close();
        try (Connection connection = DriverManager.getConnection(pgUrl(), pgUser(), "")) {
            connection.createStatement().execute("drop schema " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }

    private static String pgUrl() {
        String url = System.getenv(PG_URL_VARIABLE);
        return url == null || url.isBlank() ? PG_DEFAULT_URL : url;
    }

    private static String pgUser() {
        String user = System.getenv("INTAKE_TEST_PG_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
