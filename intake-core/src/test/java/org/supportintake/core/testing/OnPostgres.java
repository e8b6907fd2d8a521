package org.supportintake.core.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.zaxxer.hikari.HikariDataSource;

/** Runs a contract on a fresh PostgreSQL schema for each test, dropped after it (see {@link TestDatabases}). */
public abstract class OnPostgres {

    private HikariDataSource dataSource;
    private IntakeFixture intake;

    @BeforeEach
    protected void freshSchema() {
        dataSource = TestDatabases.postgresSchema();
        intake = IntakeFixture.on(dataSource);
    }

    @AfterEach
    protected void dropSchema() {
        if (dataSource != null) {
            TestDatabases.dropPostgresSchema(dataSource);
        }
    }

    public IntakeFixture intake() {
        return intake;
    }
}
