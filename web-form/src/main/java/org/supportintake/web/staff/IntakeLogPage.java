package org.supportintake.web.staff;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeLogReader;
import org.supportintake.core.staff.Permission;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Coded;

/**
 * {@code /staff/log}: every intake event, newest first, filtered by kind, channel and Moscow days ({@code kind},
 * {@code channel}, {@code from}, {@code to} in the URL, so a view can be bookmarked), paged by the last id shown.
 */
final class IntakeLogPage extends HttpServlet {

    static final int PAGE = 100;
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.forLanguageTag("ru"));

    private final transient IntakeLogReader log;
    private final transient AuditTrail audit;
    private final transient StaffPages pages;
    private final transient Clock clock;

    IntakeLogPage(IntakeLogReader log, AuditTrail audit, StaffPages pages, Clock clock) {
        this.log = log;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!pages.allowed(request, response, Permission.WORK_TICKETS)) {
            return;
        }
        Optional<EventKind> kind = Coded.byCode(EventKind.class, value(request, "kind"));
        Optional<Channel> channel = Coded.byCode(Channel.class, value(request, "channel"));
        Optional<LocalDate> from = StaffTime.day(request.getParameter("from"));
        Optional<LocalDate> to = StaffTime.day(request.getParameter("to"));
        IntakeLogReader.Filter filter = new IntakeLogReader.Filter(kind, channel, from.map(StaffTime::startOf),
                to.map(day -> StaffTime.startOf(day.plusDays(1))));
        Optional<Long> before = FailedMailPages.cursor(request.getParameter("before"));
        IntakeLogReader.Page page = log.find(filter, before, PAGE);
        Map<String, String> query = new LinkedHashMap<>();
        kind.ifPresent(k -> query.put("kind", k.code()));
        channel.ifPresent(c -> query.put("channel", c.code()));
        from.ifPresent(d -> query.put("from", d.toString()));
        to.ifPresent(d -> query.put("to", d.toString()));
        audit.record(new AuditEntry(clock.instant(), StaffRequest.member(request).login(), StaffRequest.address(request),
                AuditAction.VIEW_LOG, "", described(kind, channel, from, to)));

        Map<String, Object> context = new HashMap<>();
        context.put("title", "Журнал событий");
        context.put("events", rows(page));
        context.put("empty", page.entries().isEmpty());
        context.put("kinds", options(kind.map(EventKind::code).orElse("")));
        context.put("channels", List.of(option("email", "Почта", channel.map(Channel::code).orElse("")),
                option("form", "Форма", channel.map(Channel::code).orElse(""))));
        context.put("from", from.map(LocalDate::toString).orElse(""));
        context.put("to", to.map(LocalDate::toString).orElse(""));
        page.next().ifPresent(next -> {
            Map<String, String> nextQuery = new LinkedHashMap<>(query);
            nextQuery.put("before", Long.toString(next));
            context.put("next", "/staff/log?" + encoded(nextQuery));
        });
        if (before.isPresent()) {
            context.put("first", "/staff/log" + (query.isEmpty() ? "" : "?" + encoded(query)));
        }
        pages.html(request, response, 200, "staff-log", "log", context);
    }

    /** The filter in the audit's words; dates spelt out, as the audit masks long runs of digits as phone numbers. */
    private static String described(Optional<EventKind> kind, Optional<Channel> channel, Optional<LocalDate> from,
                                    Optional<LocalDate> to) {
        List<String> parts = new ArrayList<>();
        kind.ifPresent(k -> parts.add("событие " + k.code()));
        channel.ifPresent(c -> parts.add("канал " + c.code()));
        from.ifPresent(d -> parts.add("с " + DAY.format(d)));
        to.ifPresent(d -> parts.add("по " + DAY.format(d)));
        return parts.isEmpty() ? "весь журнал" : "журнал: " + String.join(", ", parts).replace(", по ", " по ");
    }

    private static List<Map<String, Object>> rows(IntakeLogReader.Page page) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (IntakeLogReader.Entry entry : page.entries()) {
            rows.add(Map.of("time", StaffTime.format(entry.at()), "kind", LogKinds.title(entry.kind()),
                    "kindCode", entry.kind(), "channel", LogKinds.channel(entry.channel()), "ticket", entry.ticket(),
                    "staff", entry.staff(), "detail", EventDetail.readable(entry.kind(), entry.detail())));
        }
        return rows;
    }

    private static List<Map<String, Object>> options(String selected) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (EventKind kind : EventKind.values()) {
            options.add(option(kind.code(), LogKinds.title(kind), selected));
        }
        return options;
    }

    private static Map<String, Object> option(String code, String title, String selected) {
        return Map.of("code", code, "title", title, "selected", code.equals(selected));
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }

    private static String encoded(Map<String, String> query) {
        List<String> parts = new ArrayList<>();
        query.forEach((name, value) -> parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }
}
