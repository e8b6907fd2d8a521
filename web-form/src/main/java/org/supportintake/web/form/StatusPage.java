package org.supportintake.web.form;

import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.log.EventKind;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.ticket.TicketHistory;
import org.supportintake.core.ticket.TicketLookup;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.web.security.CsrfTokens;
import org.supportintake.web.security.Guard;
import org.supportintake.web.view.Pages;

/**
 * {@code /status}: a ticket's status, dates and history for its number and the requester's email.
 * A wrong number and a wrong email get the same answer, and lookups are rate limited, so nothing
 * can be enumerated; no personal data is shown.
 */
public final class StatusPage extends HttpServlet {

    static final String NOT_FOUND = "Обращение с таким номером и адресом почты не найдено. Проверьте номер и адрес.";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(SlaCalendar.MOSCOW);

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
        show(request, response, 200, context(""));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Optional<Duration> wait = guard.lookup(request);
        if (wait.isPresent()) {
            pages.tooManyLookups(response, wait.get());
            return;
        }
        String typed = value(request, "ticketNumber");
        Map<String, Object> view = context(typed);
        if (!csrf.matches(request, value(request, CsrfTokens.FIELD))) {
            view.put("notice", "Страница устарела. Введите номер и адрес ещё раз.");
            show(request, response, 403, view);
            return;
        }
        Optional<TicketNumber> number = TicketNumber.parse(typed);
        Optional<TicketHistory> found = number.flatMap(n -> lookup.find(n, value(request, "email")));
        if (found.isPresent()) {
            view.put("found", found(found.get()));
        } else {
            view.put("notice", number.isEmpty()
                    ? "Номер обращения указан неверно. Он выглядит так: 26-0004217-9." : NOT_FOUND);
        }
        show(request, response, 200, view);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> view)
            throws IOException {
        view.put("csrfToken", csrf.issue(request, response));
        pages.html(response, status, "status", view);
    }

    private static Map<String, Object> context(String typedNumber) {
        Map<String, Object> view = new HashMap<>();
        view.put("title", "Статус обращения");
        view.put("ticketNumberInput", typedNumber);
        return view;
    }

    private static Map<String, Object> found(TicketHistory ticket) {
        return Map.of("ticketNumber", ticket.number().toString(), "status", ticket.status().title(),
                "createdAt", WHEN.format(ticket.createdAt()), "dueAt", WHEN.format(ticket.dueAt()),
                "history", ticket.entries().stream().map(entry -> Map.of("at", WHEN.format(entry.at()),
                        "what", entry.kind() == EventKind.TICKET_CREATED ? "обращение принято" : "получено дополнение"))
                        .toList());
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
