package org.supportintake.core.rating;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.TestDatabases;

import com.zaxxer.hikari.HikariDataSource;

class PostgresAnswerRatingsIT implements AnswerRatingsContract {

    private HikariDataSource dataSource;
    private IntakeFixture intake;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestDatabases.postgresSchema();
        intake = IntakeFixture.on(dataSource);
    }

    @AfterEach
    void close() {
        if (dataSource != null) {
            TestDatabases.dropPostgresSchema(dataSource);
        }
    }

    @Override
    public IntakeFixture intake() {
        return intake;
    }
}
