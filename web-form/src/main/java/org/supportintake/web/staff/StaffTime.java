package org.supportintake.web.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Times on staff pages: Moscow time to the second, as stored; dates in filters are Moscow days. */
final class StaffTime {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.ROOT);

    private StaffTime() {
    }

    /** «03.12.2026 12:23:50». */
    static String format(Instant at) {
        return SHOWN.format(at.atZone(MOSCOW));
    }

    /** A filter's day (ISO, as {@code <input type=date>} sends it): empty when blank or not a date. */
    static Optional<LocalDate> day(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(MOSCOW).toInstant();
    }
}
