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
        database.close();
    }
}
