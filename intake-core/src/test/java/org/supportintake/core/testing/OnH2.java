package org.supportintake.core.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.zaxxer.hikari.HikariDataSource;

/** Runs a contract on a fresh in-memory H2 database for each test: {@code class H2XTest extends OnH2 implements XContract}. */
public abstract class OnH2 {

    private HikariDataSource dataSource;
    private IntakeFixture intake;

    @BeforeEach
    protected void freshDatabase() {
        dataSource = TestDatabases.h2();
        intake = IntakeFixture.on(dataSource);
    }

    @AfterEach
    protected void closeDatabase() {
        dataSource.close();
    }

    public IntakeFixture intake() {
        return intake;
    }
}
