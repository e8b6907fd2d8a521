package org.supportintake.web.security;

import org.supportintake.core.testing.TestDatabases;

import com.zaxxer.hikari.HikariDataSource;

class H2SharedRateLimitTest extends SharedRateLimitContract {

    @Override
    HikariDataSource freshDatabase() {
        return TestDatabases.h2();
    }

    @Override
    void dispose(HikariDataSource database) {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("shutdown"); // an in-memory H2 outlives its pool (DB_CLOSE_DELAY=-1)
        } catch (java.sql.SQLException alreadyGone) {
            // nothing left to drop
        }
        database.close();
    }
}
