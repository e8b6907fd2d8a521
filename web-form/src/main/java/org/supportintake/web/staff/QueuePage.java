package org.supportintake.web.staff;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.queue.QueueFlag;
import org.supportintake.core.queue.QueueRow;
import org.supportintake.core.queue.TicketQueue;
import org.supportintake.core.staff.Permission;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.submission.Category;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.TicketStatus;
import org.supportintake.web.form.MoscowTime;
import org.supportintake.web.view.ErrorPages;
import org.supportintake.web.view.Problem;

/**
 * The queue, {@code /staff}: the filter form (a GET, so a view is a URL to bookmark), the tickets by due time with
 * what is left of it, and the next page's link. Each view is audited: a search as such, else a look at the queue.
 */
final class QueuePage extends HttpServlet {

    private final transient TicketQueue queue;
    private final transient AuditTrail audit;
    private final transient StaffPages pages;
    private final transient ErrorPages errors;
    private final transient Clock clock;

    QueuePage(TicketQueue queue, AuditTrail audit, StaffPages pages, ErrorPages errors, Clock clock) {
        this.queue = queue;
        this.audit = audit;
        this.pages = pages;
        this.errors = errors;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!pages.allowed(request, response, Permission.WORK_TICKETS)) {
            return;
        }
        StaffMember member = StaffRequest.member(request);
        QueueParameters.Outcome asked = QueueParameters.read(request::getParameter, member);
        if (asked instanceof QueueParameters.Invalid invalid) {
            errors.write(request, response, new Problem(400, "bad_request", "Неверный фильтр", invalid.message()));
            return;
        }
        QueueParameters.Valid valid = (QueueParameters.Valid) asked;
        var page = queue.find(valid.filter(), valid.after(), valid.limit());
        audit.record(new AuditEntry(clock.instant(), member.login(), StaffRequest.address(request),
                valid.filter().search().isPresent() ? AuditAction.SEARCH : AuditAction.VIEW_QUEUE, "",
                valid.filter().describe()));

        Instant now = clock.instant();
        Map<String, Object> context = new HashMap<>();
        // Each result has a title of its own, as a screen reader says the title first when the page loads.
        String filters = query(request::getParameter, "");
        context.put("title", page.rows().isEmpty() ? "Обращений нет — Очередь обращений"
                : valid.filter().search().isPresent() ? "Результаты поиска — Очередь обращений"
                : filters.isEmpty() ? "Очередь обращений" : "Отобранные обращения — Очередь обращений");
        context.putAll(form(request::getParameter));
        context.put("rows", page.rows().stream().map(row -> row(row, now)).toList());
        context.put("empty", page.rows().isEmpty());
        context.put("continued", valid.after().isPresent());
        page.next().ifPresent(next -> context.put("nextLink", "/staff?" + query(request::getParameter,
                "after=" + next.token())));
        context.put("exportLink", "/staff/export.csv" + (filters.isEmpty() ? "" : "?" + filters));
        context.put("firstLink", "/staff" + (filters.isEmpty() ? "" : "?" + filters));
        pages.html(request, response, 200, "staff-queue", "queue", context);
    }

    /** The filter form as asked, every select with its current choice. */
    private static Map<String, Object> form(Function<String, String> parameter) {
        Map<String, Object> form = new HashMap<>();
        String status = value(parameter, "status");
        List<Map<String, Object>> statuses = new ArrayList<>();
        statuses.add(option("", "Открытые (при поиске — все)", status));
        statuses.add(option("all", "Все", status));
        Arrays.stream(TicketStatus.values()).forEach(s -> statuses.add(option(s.code(), s.title(), status)));
        form.put("statuses", statuses);
        form.put("categories", options(parameter, "category", "Все категории",
                Arrays.stream(Category.values()).map(c -> new String[] {c.code(), c.title()}).toList()));
        form.put("priorities", options(parameter, "priority", "Любой",
                Arrays.stream(Priority.values()).map(p -> new String[] {p.code(), Words.priority(p)}).toList()));
        form.put("channels", options(parameter, "channel", "Любой",
                Arrays.stream(Channel.values()).map(c -> new String[] {c.code(), Words.channelShort(c)}).toList()));
        form.put("flags", options(parameter, "flag", "Без отбора",
                Arrays.stream(QueueFlag.values()).map(f -> new String[] {f.code(), f.title()}).toList()));
        form.put("mine", !value(parameter, "mine").isEmpty());
        form.put("from", value(parameter, "from"));
        form.put("to", value(parameter, "to"));
        form.put("q", value(parameter, "q"));
        return form;
    }

    private static List<Map<String, Object>> options(Function<String, String> parameter, String name, String any,
                                                     List<String[]> choices) {
        String current = value(parameter, name);
        List<Map<String, Object>> options = new ArrayList<>();
        options.add(option("", any, current));
        choices.forEach(c -> options.add(option(c[0], c[1], current)));
        return options;
    }

    private static Map<String, Object> option(String value, String label, String current) {
        return Map.of("value", value, "label", label, "selected", value.equals(current));
    }

    private static Map<String, Object> row(QueueRow row, Instant now) {
        Map<String, Object> view = new HashMap<>();
        view.put("number", row.number().toString());
        view.put("link", "/staff/tickets/" + row.number());
        view.put("received", MoscowTime.format(row.created()));
        view.put("channel", Words.channelShort(row.channel()));
        view.put("category", Words.category(row.category()));
        view.put("priority", Words.priority(row.priority()));
        view.put("priorityHigh", row.priority() == Priority.HIGH);
        view.put("status", row.status().title());
        view.put("statusCode", row.status().code());
        view.put("assignee", row.assignee().orElse("—"));
        view.put("due", MoscowTime.format(row.dueAt()));
        DueText.left(row.dueAt(), now, row.status()).ifPresent(left -> view.put("left", left));
        view.put("late", DueText.late(row.dueAt(), now, row.status()));
        view.put("flags", Arrays.stream(QueueFlag.values()).filter(row::has)
                .map(f -> Map.of("code", f.code(), "title", f.title())).toList());
        return view;
    }

    /** The filter's parameters as a query string (the cursor left out), then {@code extra}. */
    static String query(Function<String, String> parameter, String extra) {
        List<String> parts = new ArrayList<>();
        for (String name : QueueParameters.NAMES) {
            String value = value(parameter, name);
            if (!value.isEmpty()) {
                parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        if (!value(parameter, "limit").isEmpty()) {
            parts.add("limit=" + URLEncoder.encode(value(parameter, "limit"), StandardCharsets.UTF_8));
        }
        if (!extra.isEmpty()) {
            parts.add(extra);
        }
        return String.join("&", parts);
    }

    private static String value(Function<String, String> parameter, String name) {
        String value = parameter.apply(name);
        return value == null ? "" : value.strip();
    }
}
