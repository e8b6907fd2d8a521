package org.supportintake.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Business time: Monday to Friday 09:00–18:00 Moscow time (17:00 on short days), minus holidays.
 * A business day is nine business hours. Immutable and thread-safe.
 */
public final class SlaCalendar {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LocalTime OPENS = LocalTime.of(9, 0);
    private static final LocalTime CLOSES = LocalTime.of(18, 0);
    private static final Duration BUSINESS_DAY = Duration.between(OPENS, CLOSES);
    private static final int MAX_DAYS_SEARCHED = 3660;

    private final ProductionCalendar days;

    public SlaCalendar(ProductionCalendar days) {
        this.days = days;
    }

    /** When a reply is due: {@code businessDays} business days of working time after {@code received}. */
    public Instant dueAt(Instant received, int businessDays) {
        return plusBusinessTime(received, BUSINESS_DAY.multipliedBy(businessDays));
    }

    /** The instant reached after {@code amount} of working time counted from {@code start}, in whole seconds. */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        ZonedDateTime at = start.truncatedTo(ChronoUnit.SECONDS).atZone(MOSCOW);
        Duration remaining = amount.truncatedTo(ChronoUnit.SECONDS);
        for (int searched = 0; searched < MAX_DAYS_SEARCHED; searched++) {
            LocalDate date = at.toLocalDate();
            ZonedDateTime opens = date.atTime(OPENS).atZone(MOSCOW);
            ZonedDateTime closes = date.atTime(closingTime(date)).atZone(MOSCOW);
            if (days.isWorkingDay(date) && at.isBefore(closes)) {
                ZonedDateTime from = at.isBefore(opens) ? opens : at;
                Duration available = Duration.between(from, closes);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining).toInstant();
                }
                remaining = remaining.minus(available);
            }
            at = date.plusDays(1).atTime(OPENS).atZone(MOSCOW);
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS_SEARCHED + " days of " + start);
    }

    /** The working time from {@code from} to {@code to}, in whole seconds; zero when {@code to} is not later. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        ZonedDateTime at = from.truncatedTo(ChronoUnit.SECONDS).atZone(MOSCOW);
        ZonedDateTime end = to.truncatedTo(ChronoUnit.SECONDS).atZone(MOSCOW);
        Duration total = Duration.ZERO;
        while (at.isBefore(end)) {
            LocalDate date = at.toLocalDate();
            if (days.isWorkingDay(date)) {
                ZonedDateTime opens = date.atTime(OPENS).atZone(MOSCOW);
                ZonedDateTime closes = date.atTime(closingTime(date)).atZone(MOSCOW);
                ZonedDateTime start = at.isAfter(opens) ? at : opens;
                ZonedDateTime stop = end.isBefore(closes) ? end : closes;
                if (start.isBefore(stop)) {
                    total = total.plus(Duration.between(start, stop));
                }
            }
            at = date.plusDays(1).atStartOfDay(MOSCOW);
        }
        return total;
    }

    /** The latest instant from which {@code amount} of working time reaches {@code end}, in whole seconds. */
    public Instant minusBusinessTime(Instant end, Duration amount) {
        ZonedDateTime at = end.truncatedTo(ChronoUnit.SECONDS).atZone(MOSCOW);
        Duration remaining = amount.truncatedTo(ChronoUnit.SECONDS);
        for (int searched = 0; searched < MAX_DAYS_SEARCHED; searched++) {
            LocalDate date = at.toLocalDate();
            ZonedDateTime opens = date.atTime(OPENS).atZone(MOSCOW);
            ZonedDateTime closes = date.atTime(closingTime(date)).atZone(MOSCOW);
            if (days.isWorkingDay(date) && at.isAfter(opens)) {
                ZonedDateTime to = at.isAfter(closes) ? closes : at;
                Duration available = Duration.between(opens, to);
                if (remaining.compareTo(available) <= 0) {
                    return to.minus(remaining).toInstant();
                }
                remaining = remaining.minus(available);
            }
            at = date.atStartOfDay(MOSCOW);
            at = at.minusSeconds(1);
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS_SEARCHED + " days before " + end);
    }

    private LocalTime closingTime(LocalDate date) {
        return days.isShortDay(date) ? CLOSES.minusHours(1) : CLOSES;
    }
}
