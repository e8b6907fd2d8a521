package org.supportintake.web.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import org.supportintake.core.sla.SlaCalendar;

/** Moments as staff read and type them: Moscow time, to the minute on forms, to the second in lists. */
final class MoscowTimes {

    /** What {@code <input type="datetime-local">} sends and shows. */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT)
            .withZone(SlaCalendar.MOSCOW);

    private MoscowTimes() {
    }

    /** «08.12.2026 18:00:00 (мск)». */
    static String shown(Instant at) {
        return StaffTime.format(at) + "\u00a0(мск)";
    }

    static String local(Instant at) {
        return LOCAL.format(at);
    }

    /** A datetime-local value (seconds allowed, as some browsers send them) read as Moscow time. */
    static Optional<Instant> parseLocal(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text.strip()).truncatedTo(ChronoUnit.SECONDS)
                    .atZone(SlaCalendar.MOSCOW).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The start of a day ({@code yyyy-MM-dd}) in Moscow; {@code days} later for an inclusive end. */
    static Optional<Instant> dayStart(String text, int days) {
        try {
            return Optional.of(LocalDate.parse(text.strip()).plusDays(days).atStartOfDay(SlaCalendar.MOSCOW).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
