package org.supportintake.web.security;

import org.supportintake.core.testing.TestDatabases;

import com.zaxxer.hikari.HikariDataSource;

class PostgresSharedRateLimitIT extends SharedRateLimitContract {

    @Override
    HikariDataSource freshDatabase() {
        return TestDatabases.postgresSchema();
    }

    @Override
    void dispose(HikariDataSource database) {
        TestDatabases.dropPostgresSchema(database);
    }
}
