package org.supportintake.core.sla;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Which days are working days: Monday to Friday, except the holidays and moved days off listed in
 * the data file, plus weekends made working. Immutable.
 */
public final class ProductionCalendar {

    private static final String BUNDLED = "ru-production-calendar.txt";

    private final Map<LocalDate, DayKind> exceptions;

    private ProductionCalendar(Map<LocalDate, DayKind> exceptions) {
        this.exceptions = Map.copyOf(exceptions);
    }

    /** The calendar shipped with the service (2026 and 2027). */
    public static ProductionCalendar bundled() {
        try (InputStream in = ProductionCalendar.class.getResourceAsStream(BUNDLED)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + BUNDLED, e);
        }
    }

    /** Reads lines {@code DATE KIND [note]}; {@code #} starts a comment. */
    public static ProductionCalendar read(InputStream in) throws IOException {
        Map<LocalDate, DayKind> days = new HashMap<>();
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] parts = content.split("\\s+", 3);
            try {
                days.put(LocalDate.parse(parts[0]), DayKind.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)));
            } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new IOException("line " + lineNumber + ": expected 'YYYY-MM-DD holiday|workday|short', got '"
                        + content + "'", e);
            }
        }
        return new ProductionCalendar(days);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayKind kind = exceptions.get(date);
        if (kind != null) {
            return kind != DayKind.HOLIDAY;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** A working day one hour shorter, on the eve of a public holiday. */
    public boolean isShortDay(LocalDate date) {
        return exceptions.get(date) == DayKind.SHORT;
    }

    private enum DayKind { HOLIDAY, WORKDAY, SHORT }
}
