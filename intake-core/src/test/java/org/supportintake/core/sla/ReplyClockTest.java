package org.supportintake.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class ReplyClockTest {

    private final SlaCalendar calendar = new SlaCalendar(ProductionCalendar.bundled());
    private final ReplyClock clock = new ReplyClock(calendar, 0.2, Duration.ofDays(7));

    private static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SlaCalendar.MOSCOW).toInstant();
    }

    @Test
    void oneBusinessDayIsAtRiskForItsLastFifthOfWorkingTime() {
        ReplyDeadline deadline = clock.start(moscow("2026-12-03T12:00"), 1);

        assertThat(deadline.dueAt()).isEqualTo(moscow("2026-12-04T12:00"));
        // a fifth of nine hours is 1 h 48 min of working time before the due time
        assertThat(deadline.atRiskFrom()).isEqualTo(moscow("2026-12-04T10:12"));
        assertThat(deadline.allowed()).isEqualTo(Duration.ofHours(9));
    }

    @Test
    void atRiskPartReachesBackOverTheWeekend() {
        ReplyDeadline deadline = clock.start(moscow("2026-12-04T09:30"), 1);

        assertThat(deadline.dueAt()).isEqualTo(moscow("2026-12-07T09:30"));
        assertThat(deadline.atRiskFrom()).isEqualTo(moscow("2026-12-04T16:42"));
    }

    @Test
    void waitingOverAWeekendMovesTheDueTimeByTheWorkingTimeSpentWaitingOnly() {
        ReplyDeadline deadline = clock.start(moscow("2026-12-03T12:00"), 3);
        // waited from Friday 17:00 to Monday 10:00: two working hours
        ReplyDeadline resumed = clock.resume(deadline, moscow("2026-12-04T17:00"), moscow("2026-12-07T10:00"));

        assertThat(deadline.dueAt()).isEqualTo(moscow("2026-12-08T12:00"));
        assertThat(resumed.dueAt()).isEqualTo(moscow("2026-12-08T14:00"));
        assertThat(calendar.businessTimeBetween(resumed.atRiskFrom(), resumed.dueAt()))
                .isEqualTo(calendar.businessTimeBetween(deadline.atRiskFrom(), deadline.dueAt()));
    }

    @Test
    void waitingAcrossTheNewYearHolidaysCountsOnlyTheWorkingDaysAroundThem() {
        ReplyDeadline deadline = clock.start(moscow("2026-12-29T10:00"), 1);
        // 30 Dec 16:00 to 11 Jan 11:00: two hours on the 30th (31 Dec to 10 Jan are days off), two on the 11th
        ReplyDeadline resumed = clock.resume(deadline, moscow("2026-12-30T16:00"), moscow("2027-01-11T11:00"));

        assertThat(calendar.businessTimeBetween(moscow("2026-12-30T16:00"), moscow("2027-01-11T11:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(deadline.dueAt()).isEqualTo(moscow("2026-12-30T10:00"));
        assertThat(resumed.dueAt()).isEqualTo(moscow("2026-12-30T14:00"));
    }

    @Test
    void aPauseOutsideWorkingHoursLeavesTheDeadlineAsItWas() {
        ReplyDeadline deadline = clock.start(moscow("2026-12-03T18:00"), 1);
        ReplyDeadline resumed = clock.resume(deadline, moscow("2026-12-03T19:00"), moscow("2026-12-03T21:00"));

        assertThat(deadline.dueAt()).isEqualTo(moscow("2026-12-04T18:00"));
        assertThat(resumed).isEqualTo(deadline);
    }

    @Test
    void anExtensionAddsItsWorkingTimeToWhatTheTicketWasAllowed() {
        ReplyDeadline deadline = clock.start(moscow("2026-12-03T12:00"), 1);
        ReplyDeadline extended = clock.extend(deadline, moscow("2026-12-07T18:00"));

        assertThat(extended.dueAt()).isEqualTo(moscow("2026-12-07T18:00"));
        assertThat(extended.allowed()).isEqualTo(Duration.ofHours(9 + 6 + 9));
        assertThat(calendar.businessTimeBetween(extended.atRiskFrom(), extended.dueAt()))
                .isEqualTo(Duration.ofMinutes(Math.round(24 * 60 * 0.2)));
    }

    @Test
    void anExtensionMustMoveTheDueTimeLater() {
        ReplyDeadline deadline = clock.start(moscow("2026-12-03T12:00"), 1);

        assertThatThrownBy(() -> clock.extend(deadline, deadline.dueAt())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDueTimeMayFallFromJustAfterOpeningToClosing() {
        assertThat(clock.endsBusinessTime(moscow("2026-12-07T18:00"))).isTrue();
        assertThat(clock.endsBusinessTime(moscow("2026-12-07T09:00:01"))).isTrue();
        assertThat(clock.endsBusinessTime(moscow("2026-12-07T09:00"))).isFalse();
        assertThat(clock.endsBusinessTime(moscow("2026-12-05T12:00"))).as("Saturday").isFalse();
    }
}
