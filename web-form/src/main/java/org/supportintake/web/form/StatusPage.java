package org.supportintake.web.form;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.log.EventKind;
import org.supportintake.core.ticket.TicketHistory;
import org.supportintake.core.ticket.TicketLookup;
import org.supportintake.core.validation.Violation;
import org.supportintake.web.security.CsrfTokens;
import org.supportintake.web.security.Guard;
import org.supportintake.web.view.KeepTogether;
import org.supportintake.web.view.Pages;

/**
 * {@code /status}: a ticket's status, dates and history for its number and the requester's email.
 * A wrong number and a wrong email get the same answer, and lookups are rate limited, so nothing
 * can be enumerated; no personal data is shown. A field left empty or mistyped is marked beside it
 * and in an error summary, as on the form, and what was typed is kept.
 */
public final class StatusPage extends HttpServlet {

    static final String NOT_FOUND = "Обращение с таким номером и адресом почты не найдено. Проверьте номер и адрес.";
    private static final String TITLE = "Статус обращения";

    private final transient TicketLookup lookup;
    private final transient CsrfTokens csrf;
    private final transient Guard guard;
    private final transient Pages pages;

    public StatusPage(TicketLookup lookup, CsrfTokens csrf, Guard guard, Pages pages) {
        this.lookup = lookup;
        this.csrf = csrf;
        this.guard = guard;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        show(request, response, 200, context(new StatusQuery("", ""), List.of(), ""));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Optional<Duration> wait = guard.lookup(request);
        if (wait.isPresent()) {
            pages.tooManyLookups(response, wait.get());
            return;
        }
        StatusQuery query = new StatusQuery(value(request, StatusQuery.NUMBER), value(request, StatusQuery.EMAIL));
        if (!csrf.matches(request, value(request, CsrfTokens.FIELD))) {
            show(request, response, 403, context(query, List.of(new Violation(StatusQuery.NUMBER, "csrf.expired",
                    "Страница устарела. Введите номер и адрес ещё раз.")), "Не удалось проверить статус"));
            return;
        }
        List<Violation> problems = query.problems();
        if (!problems.isEmpty()) {
            Map<String, Object> view = context(query, problems,
                    FormView.fixThe(problems.size()) + ", чтобы узнать статус обращения");
            problems.forEach(problem -> field(view, problem.field()).put("error", problem.message()));
            show(request, response, 422, view);
            return;
        }
        Optional<TicketHistory> found = query.number().flatMap(number -> lookup.find(number, query.email()));
        if (found.isEmpty()) {
            Map<String, Object> view = context(query, List.of(new Violation(StatusQuery.NUMBER, "not_found", NOT_FOUND)),
                    "Обращение не найдено");
            // Each answer has a title of its own: it is what a screen reader says first when the page loads.
            view.put("title", FormView.ERROR_PREFIX + "Обращение не найдено — " + TITLE);
            show(request, response, 200, view);
            return;
        }
        // The ticket is shown; the form below is for another lookup, so it starts empty.
        Map<String, Object> view = context(new StatusQuery("", ""), List.of(), "");
        view.put("found", found(found.get()));
        view.put("title", "Обращение " + found.get().number() + " — " + TITLE);
        show(request, response, 200, view);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> view)
            throws IOException {
        view.put("csrfToken", csrf.issue(request, response));
        pages.html(response, status, "status", view);
    }

    private static Map<String, Object> context(StatusQuery query, List<Violation> errors, String summaryTitle) {
        Map<String, Object> view = new HashMap<>();
        view.put("title", (errors.isEmpty() ? "" : FormView.ERROR_PREFIX) + TITLE);
        view.put(StatusQuery.NUMBER, input(StatusQuery.NUMBER, query.ticketNumber()));
        view.put(StatusQuery.EMAIL, input(StatusQuery.EMAIL, query.email()));
        view.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        view.put("hasErrors", !errors.isEmpty());
        view.put("summaryTitle", summaryTitle);
        view.put("keepTogether", KeepTogether.LAMBDA);
        return view;
    }

    private static Map<String, Object> input(String id, String value) {
        Map<String, Object> field = new HashMap<>();
        field.put("id", id);
        field.put("value", value);
        field.put("error", "");
        return field;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> view, String name) {
        return (Map<String, Object>) view.get(name);
    }

    private static Map<String, Object> found(TicketHistory ticket) {
        return Map.of("ticketNumber", ticket.number().toString(), "status", ticket.status().title(),
                "statusCode", ticket.status().code(),
                "createdAt", MoscowTime.format(ticket.createdAt()), "dueAt", MoscowTime.format(ticket.dueAt()),
                "history", ticket.entries().stream().map(entry -> Map.of("at", MoscowTime.format(entry.at()),
                        "what", entry.kind() == EventKind.TICKET_CREATED ? "обращение принято" : "получено дополнение"))
                        .toList());
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
