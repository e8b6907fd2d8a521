package org.supportintake.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.rating.RatingToken;
import org.supportintake.core.testing.TestDatabases;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;

import com.zaxxer.hikari.HikariDataSource;

class RatingKeyWiringTest {

    private static final RatingToken ANSWER = new RatingToken(42, Instant.parse("2026-12-04T07:00:00Z"));
    private final HikariDataSource dataSource = TestDatabases.h2();
    private final Jdbi jdbi = migrated();

    private Jdbi migrated() {
        Database.migrate(dataSource);
        return Database.jdbi(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    private static IntakeConfig config(Map<Setting, String> settings) {
        return IntakeConfig.of(setting -> Optional.ofNullable(settings.get(setting)));
    }

    @Test
    void withoutASecretEveryStartOnTheDatabaseSignsWithTheKeyTheFirstOneStored() {
        var first = IntakeApplication.ratingLinks(config(Map.of()), jdbi);
        var second = IntakeApplication.ratingLinks(config(Map.of()), jdbi);

        assertThat(second.verify(first.token(ANSWER))).contains(ANSWER);
    }

    @Test
    void aConfiguredSecretWinsOverTheStoredKey() {
        var stored = IntakeApplication.ratingLinks(config(Map.of()), jdbi);
        var configured = IntakeApplication.ratingLinks(config(Map.of(Setting.RATING_SECRET, "s".repeat(40))), jdbi);
        var again = IntakeApplication.ratingLinks(config(Map.of(Setting.RATING_SECRET, "s".repeat(40))), jdbi);

        assertThat(configured.verify(stored.token(ANSWER))).isEmpty();
        assertThat(again.verify(configured.token(ANSWER))).contains(ANSWER);
    }
}
