package org.supportintake.core.outbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.TestDatabases;

import com.zaxxer.hikari.HikariDataSource;

class PostgresOutboxDeliveryIT implements OutboxDeliveryContract {

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
