package org.supportintake.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class SlaCalendarTest {

    private final SlaCalendar calendar = new SlaCalendar(ProductionCalendar.bundled());

    private static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SlaCalendar.MOSCOW).toInstant();
    }

    @Test
    void fridayFivePmPlusOneBusinessDayIsMondayFivePm() {
        assertThat(calendar.dueAt(moscow("2026-11-20T17:00"), 1)).isEqualTo(moscow("2026-11-23T17:00"));
    }

    @Test
    void submissionAtTenPmStartsTheClockAtNineNextBusinessDay() {
        assertThat(calendar.plusBusinessTime(moscow("2026-11-24T22:00"), Duration.ZERO))
                .isEqualTo(moscow("2026-11-25T09:00"));
        assertThat(calendar.dueAt(moscow("2026-11-24T22:00"), 1)).isEqualTo(moscow("2026-11-25T18:00"));
    }

    @Test
    void dueTimeDuringWorkingHoursIsInWholeSeconds() {
        Instant withNanos = moscow("2026-12-03T12:23:50").plusNanos(668_288_434);
        assertThat(calendar.dueAt(withNanos, 1)).isEqualTo(moscow("2026-12-04T12:23:50"));
        assertThat(calendar.plusBusinessTime(moscow("2026-12-03T12:00"), Duration.ofMillis(1_500)))
                .isEqualTo(moscow("2026-12-03T12:00:01"));
    }

    @Test
    void submissionBeforeOpeningStartsAtNineTheSameDay() {
        assertThat(calendar.dueAt(moscow("2026-11-24T06:30"), 1)).isEqualTo(moscow("2026-11-24T18:00"));
    }

    @Test
    void submissionOnThirtyFirstDecemberLandsPastTheNewYearHolidays() {
        // 31 Dec 2026 is a day off (moved from 4 January); 1–8 Jan 2027 are holidays, 9–10 a weekend.
        assertThat(calendar.dueAt(moscow("2026-12-31T10:00"), 1)).isEqualTo(moscow("2027-01-11T18:00"));
    }

    @Test
    void dayOffMovedFromThirdJanuaryIsSkipped() {
        // 9 January 2026 is a Friday off, moved from Saturday 3 January.
        assertThat(calendar.dueAt(moscow("2026-01-08T12:00"), 1)).isEqualTo(moscow("2026-01-12T18:00"));
    }

    @Test
    void movedDayOffAndMondayHolidayAreSkipped() {
        // 9 March 2026 is the Monday off for Sunday 8 March.
        assertThat(calendar.dueAt(moscow("2026-03-06T18:00"), 1)).isEqualTo(moscow("2026-03-10T18:00"));
    }

    @Test
    void shortDayClosesAtFivePm() {
        // 3 November 2026 is the eve of 4 November; 4 November is a holiday.
        assertThat(calendar.plusBusinessTime(moscow("2026-11-03T16:00"), Duration.ofHours(2)))
                .isEqualTo(moscow("2026-11-05T10:00"));
    }

    @Test
    void fiveBusinessDaysSpanAWeekend() {
        assertThat(calendar.dueAt(moscow("2026-11-25T12:00"), 5)).isEqualTo(moscow("2026-12-02T12:00"));
    }

    @Test
    void weekendMadeWorkingCounts() throws IOException {
        var days = ProductionCalendar.read(stream("2026-11-28 workday\n"));
        assertThat(days.isWorkingDay(LocalDate.parse("2026-11-28"))).isTrue();
        assertThat(new SlaCalendar(days).dueAt(moscow("2026-11-27T18:00"), 1)).isEqualTo(moscow("2026-11-28T18:00"));
    }

    @Test
    void malformedCalendarLineIsReportedWithItsNumber() {
        assertThatThrownBy(() -> ProductionCalendar.read(stream("# comment\n2026-13-01 holiday\n")))
                .isInstanceOf(IOException.class).hasMessageStartingWith("line 2:");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
