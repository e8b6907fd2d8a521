package org.supportintake.core.rating;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.TestDatabases;

import com.zaxxer.hikari.HikariDataSource;

class H2AnswerRatingsTest implements AnswerRatingsContract {

    private HikariDataSource dataSource;
    private IntakeFixture intake;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestDatabases.h2();
        intake = IntakeFixture.on(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Override
    public IntakeFixture intake() {
        return intake;
    }
}
