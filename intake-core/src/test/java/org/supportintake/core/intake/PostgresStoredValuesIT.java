package org.supportintake.core.intake;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.TestDatabases;

import com.zaxxer.hikari.HikariDataSource;

class PostgresStoredValuesIT implements StoredValuesContract {

    private HikariDataSource dataSource;
    private IntakeFixture intake;

    @BeforeEach
    void freshSchema() {
        dataSource = TestDatabases.postgresSchema();
        intake = IntakeFixture.on(dataSource);
    }

    @AfterEach
    void dropSchema() {
        if (dataSource != null) {
            TestDatabases.dropPostgresSchema(dataSource);
        }
    }

    @Override
    public IntakeFixture intake() {
        return intake;
    }
}
