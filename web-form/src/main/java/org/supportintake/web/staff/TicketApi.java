package org.supportintake.web.staff;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.staff.Permission;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.work.TicketFile;
import org.supportintake.core.work.TicketFiles;

/**
 * {@code GET /api/v1/tickets/{number}}: one ticket as the list gives it (DESIGN.md, "Staff"), with its requester,
 * {@code "messages"} (their files included) and {@code "events"}; each read audited.
 */
public final class TicketApi extends HttpServlet {

    private final transient TicketFiles files;
    private final transient AuditTrail audit;
    private final transient StaffPages pages;
    private final transient Clock clock;

    TicketApi(TicketFiles files, AuditTrail audit, StaffPages pages, Clock clock) {
        this.files = files;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!pages.allowed(request, response, Permission.WORK_TICKETS)) {
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        Optional<TicketFile> file = TicketNumber.parse(path).flatMap(files::find);
        if (file.isEmpty()) {
            pages.notFound(request, response, "Обращение не найдено", "Обращения с таким номером нет.");
            return;
        }
        StaffMember member = StaffRequest.member(request);
        audit.record(new AuditEntry(clock.instant(), member.login(), StaffRequest.address(request), AuditAction.API_READ,
                file.get().summary().number().toString(), "GET /api/v1/tickets/{number}"));
        StaffJson.write(response, 200, json(file.get()));
    }

    static Map<String, Object> json(TicketFile file) {
        TicketFile.Summary ticket = file.summary();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", ticket.number().toString());
        json.put("status", ticket.status().code());
        json.put("priority", ticket.priority().code());
        json.put("category", ticket.category());
        json.put("channel", ticket.channel().code());
        json.put("createdAt", ticket.createdAt().toString());
        json.put("dueAt", ticket.dueAt().toString());
        json.put("overdue", ticket.overdue());
        json.put("atRisk", ticket.atRisk());
        json.put("repeatRequest", ticket.repeatRequest());
        json.put("assignee", ticket.assignee().orElse(null));
        json.put("title", ticket.title());
        TicketFile.Requester requester = file.requester();
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("name", requester.name());
        who.put("email", requester.email());
        who.put("phone", requester.phone().isEmpty() ? null : requester.phone());
        who.put("callbackTime", requester.callbackTime().isEmpty() ? null : requester.callbackTime());
        who.put("consentAt", requester.consentAt().map(Object::toString).orElse(null));
        json.put("requester", who);
        json.put("messages", file.messages().stream().map(TicketApi::message).toList());
        json.put("events", file.events().stream().map(TicketApi::event).toList());
        return json;
    }

    private static Map<String, Object> message(TicketFile.Message message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("direction", message.direction());
        json.put("channel", message.channel().code());
        json.put("at", message.receivedAt().toString());
        json.put("from", Map.of("address", message.senderEmail(), "name", message.senderName()));
        json.put("subject", message.subject());
        json.put("text", message.text());
        json.put("quoted", message.quoted().isEmpty() ? null : message.quoted());
        json.put("attachments", message.attachments().stream().map(TicketApi::attachment).toList());
        return json;
    }

    private static Map<String, Object> attachment(TicketFile.Attachment file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", file.id());
        json.put("name", file.name());
        json.put("detectedType", file.detectedType());
        json.put("size", file.size());
        json.put("verdict", file.accepted() ? "accepted" : "rejected");
        json.put("reason", file.reason().map(r -> r.code()).orElse(null));
        return json;
    }

    private static Map<String, Object> event(TicketFile.Event event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", event.at().toString());
        json.put("kind", event.kind().code());
        json.put("staff", event.staff().isEmpty() ? null : event.staff());
        json.put("detail", event.detail());
        return json;
    }
}
