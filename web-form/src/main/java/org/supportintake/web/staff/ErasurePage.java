package org.supportintake.web.staff;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.privacy.Erasure;
import org.supportintake.core.privacy.RequesterErasure;
import org.supportintake.core.staff.Permission;

/**
 * {@code /staff/erase}, for admins: a requester's email and the reason, then a confirmation that says how many tickets
 * and set-aside mails will be anonymised, then the erasure (audited) and Post/Redirect/Get to what was done.
 */
final class ErasurePage extends HttpServlet {

    static final int MAX_REASON = 500;

    private final transient RequesterErasure erasure;
    private final transient AuditTrail audit;
    private final transient StaffPages pages;
    private final transient Clock clock;

    ErasurePage(RequesterErasure erasure, AuditTrail audit, StaffPages pages, Clock clock) {
        this.erasure = erasure;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!pages.allowed(request, response, Permission.ERASE_REQUESTER)) {
            return;
        }
        Map<String, Object> context = form("", "", List.of());
        String tickets = request.getParameter("tickets");
        if (tickets != null && tickets.matches("\\d{1,9}")) {
            context.put("done", true);
            context.put("doneTickets", tickets);
            context.put("doneSetAside", digits(request.getParameter("setAside")));
            context.put("doneFiles", digits(request.getParameter("files")));
        }
        pages.html(request, response, 200, "staff-erase", "erase", context);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!pages.allowed(request, response, Permission.ERASE_REQUESTER)) {
            return;
        }
        String email = trimmed(request.getParameter("email"));
        String reason = trimmed(request.getParameter("reason"));
        List<Map<String, String>> errors = new ArrayList<>();
        if (email.length() > 254 || !email.matches("[^\\s@]+@[^\\s@]+")) {
            errors.add(Map.of("field", "email", "message", "Введите адрес электронной почты заявителя, например name@example.ru"));
        }
        if (reason.length() < 5 || reason.length() > MAX_REASON) {
            errors.add(Map.of("field", "reason", "message", "Укажите основание удаления: от 5 до " + MAX_REASON + " символов"));
        }
        if (!errors.isEmpty()) {
            pages.html(request, response, 400, "staff-erase", "erase", form(email, reason, errors));
        } else if ("erase".equals(request.getParameter("step"))) {
            erase(request, response, email, reason);
        } else {
            confirm(request, response, email, reason);
        }
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response, String email, String reason)
            throws IOException {
        Erasure preview = erasure.preview(email);
        Map<String, Object> context = form(email, reason, List.of());
        context.put("title", "Подтверждение удаления данных");
        context.put("confirm", true);
        context.put("tickets", preview.tickets());
        context.put("setAside", preview.setAside());
        context.put("nothing", preview.tickets() == 0 && preview.setAside() == 0);
        pages.html(request, response, 200, "staff-erase", "erase", context);
    }

    private void erase(HttpServletRequest request, HttpServletResponse response, String email, String reason)
            throws IOException {
        String login = StaffRequest.member(request).login();
        Erasure done = erasure.erase(email, reason, login);
        audit.record(new AuditEntry(clock.instant(), login, StaffRequest.address(request), AuditAction.ERASE_REQUESTER,
                "", "заявитель " + email + ", обращений " + done.tickets() + "; основание: " + reason));
        StaffPages.seeOther(response, "/staff/erase?tickets=" + done.tickets() + "&setAside=" + done.setAside()
                + "&files=" + done.files());
    }

    private static Map<String, Object> form(String email, String reason, List<Map<String, String>> errors) {
        Map<String, Object> context = new HashMap<>();
        context.put("title", errors.isEmpty() ? "Удаление данных заявителя" : "Ошибка: удаление данных заявителя");
        context.put("email", email);
        context.put("reason", reason);
        context.put("maxReason", MAX_REASON);
        context.put("errors", errors);
        context.put("hasErrors", !errors.isEmpty());
        errors.forEach(error -> context.put(error.get("field") + "Error", error.get("message")));
        return context;
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    private static String digits(String value) {
        return value != null && value.matches("\\d{1,9}") ? value : "0";
    }
}
