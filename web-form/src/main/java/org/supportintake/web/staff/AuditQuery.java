package org.supportintake.web.staff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditTrail.AuditFilter;
import org.supportintake.core.submission.Coded;
import org.supportintake.core.ticket.TicketNumber;

/**
 * The audit's filters as they travel in the URL ({@code staff}, {@code action}, {@code ticket}, {@code from} and
 * {@code to} as Moscow days, both included, {@code after} the page cursor); a value that cannot be used is reported and
 * left out of the filter.
 */
record AuditQuery(Map<String, String> values, AuditFilter filter, Optional<String> after, List<FieldError> errors) {

    static final List<String> FIELDS = List.of("staff", "action", "ticket", "from", "to");

    static AuditQuery from(Function<String, String> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, Optional.ofNullable(parameters.apply(field)).orElse("").strip()));
        List<FieldError> errors = new ArrayList<>();
        Optional<AuditAction> action = optional(values.get("action")).flatMap(code -> {
            Optional<AuditAction> known = Coded.byCode(AuditAction.class, code);
            if (known.isEmpty()) {
                errors.add(new FieldError("action", "Выберите действие из списка."));
            }
            return known;
        });
        Optional<String> ticket = optional(values.get("ticket")).flatMap(text -> {
            Optional<TicketNumber> number = TicketNumber.parse(text);
            if (number.isEmpty()) {
                errors.add(new FieldError("ticket", "Номер обращения неверен: например, 26-0004217-9."));
            }
            return number.map(TicketNumber::toString);
        });
        Optional<Instant> from = day(values.get("from"), 0, "from", errors);
        Optional<Instant> to = day(values.get("to"), 1, "to", errors);
        return new AuditQuery(values, new AuditFilter(optional(values.get("staff")), action, ticket, from, to),
                Optional.ofNullable(parameters.apply("after")).filter(a -> !a.isBlank()), errors);
    }

    /** The filters as a query string (without the cursor), for the next page's link. */
    String queryString() {
        return values.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** What the audit row of this look says was asked. */
    String described() {
        String query = values.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return query.isEmpty() ? "all" : query;
    }

    private static Optional<Instant> day(String text, int plusDays, String field, List<FieldError> errors) {
        return optional(text).flatMap(value -> {
            Optional<Instant> day = MoscowTimes.dayStart(value, plusDays);
            if (day.isEmpty()) {
                errors.add(new FieldError(field, "Введите дату, например 2026-12-03."));
            }
            return day;
        });
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
