package org.supportintake.web.staff;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.queue.QueueRow;
import org.supportintake.core.queue.TicketQueue;
import org.supportintake.core.staff.Permission;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.web.view.ErrorPages;
import org.supportintake.web.view.Problem;

/**
 * {@code GET /api/v1/tickets}: the queue for programs, with the page's filters as query parameters and the shape
 * DESIGN.md gives ({@code {"tickets": [...], "next": cursor or null}}). {@link StaffGate} has checked the token.
 */
final class TicketsApi extends HttpServlet {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient TicketQueue queue;
    private final transient AuditTrail audit;
    private final transient StaffPages pages;
    private final transient ErrorPages errors;
    private final transient Clock clock;

    TicketsApi(TicketQueue queue, AuditTrail audit, StaffPages pages, ErrorPages errors, Clock clock) {
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
            errors.write(request, response, new Problem(400, "invalid_" + invalid.parameter(), "Неверный запрос",
                    invalid.message()));
            return;
        }
        QueueParameters.Valid valid = (QueueParameters.Valid) asked;
        var page = queue.find(valid.filter(), valid.after(), valid.limit());
        audit.record(new AuditEntry(clock.instant(), member.login(), StaffRequest.address(request),
                AuditAction.API_READ, "", "GET /api/v1/tickets " + valid.filter().describe()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tickets", page.rows().stream().map(TicketsApi::ticket).toList());
        body.put("next", page.next().map(next -> next.token()).orElse(null));
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    private static Map<String, Object> ticket(QueueRow row) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("number", row.number().toString());
        ticket.put("status", row.status().code());
        ticket.put("priority", row.priority().code());
        ticket.put("category", row.category());
        ticket.put("channel", row.channel().code());
        ticket.put("createdAt", row.created().toString());
        ticket.put("dueAt", row.dueAt().toString());
        ticket.put("overdue", row.overdue());
        ticket.put("atRisk", row.atRisk());
        ticket.put("repeatRequest", row.repeatRequest());
        ticket.put("assignee", row.assignee().orElse(null));
        return ticket;
    }
}
