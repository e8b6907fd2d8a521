package org.supportintake.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant CREATED = Instant.parse("2026-12-03T09:00:00Z");
    private final RetrySchedule retries = RetrySchedule.STANDARD;

    @Test
    void delayDoublesFromThirtySecondsUpToAnHour() {
        Instant now = CREATED.plusSeconds(60);
        assertThat(retries.next(1, CREATED, now)).contains(now.plusSeconds(30));
        assertThat(retries.next(2, CREATED, now)).contains(now.plusSeconds(60));
        assertThat(retries.next(5, CREATED, now)).contains(now.plusSeconds(480));
        assertThat(retries.next(12, CREATED, now)).contains(now.plus(Duration.ofHours(1)));
        assertThat(retries.next(500, CREATED, now)).contains(now.plus(Duration.ofHours(1)));
    }

    @Test
    void lastAttemptFallsOnTheEndOfTheFortyEightHours() {
        Instant now = CREATED.plus(Duration.ofHours(47).plusMinutes(30));
        assertThat(retries.next(40, CREATED, now)).contains(CREATED.plus(Duration.ofHours(48)));
    }

    @Test
    void givesUpOnceFortyEightHoursHavePassed() {
        assertThat(retries.next(41, CREATED, CREATED.plus(Duration.ofHours(48)))).isEqualTo(Optional.empty());
    }
}
