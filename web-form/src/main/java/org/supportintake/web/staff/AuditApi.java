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
import org.supportintake.web.view.ErrorPages;
import org.supportintake.web.view.Problem;

/**
 * {@code GET /api/v1/audit} for supervisor and admin tokens: {@code {"entries": [{"at", "staff", "address", "action",
 * "ticket", "what"}], "next"}}, newest first, with the audit page's filters and {@code limit} (1–500, default 100);
 * the read is itself audited.
 */
public final class AuditApi extends HttpServlet {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;

    private final transient AuditTrail audit;
    private final transient StaffPages pages;
    private final transient ErrorPages errors;
    private final transient Clock clock;

    AuditApi(AuditTrail audit, StaffPages pages, ErrorPages errors, Clock clock) {
        this.audit = audit;
        this.pages = pages;
        this.errors = errors;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!pages.allowed(request, response, Permission.READ_AUDIT)) {
            return;
        }
        AuditQuery query = AuditQuery.from(request::getParameter);
        int limit = limit(request.getParameter("limit"));
        Optional<Problem> refused = refusal(query, limit);
        if (refused.isPresent()) {
            errors.write(request, response, refused.get());
            return;
        }
        StaffMember member = StaffRequest.member(request);
        AuditTrail.AuditPage page = audit.find(query.filter(), query.after(), limit);
        audit.record(new AuditEntry(clock.instant(), member.login(), StaffRequest.address(request), AuditAction.API_READ,
                query.filter().ticket().orElse(""), "GET /api/v1/audit " + query.described()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("entries", page.entries().stream().map(AuditApi::entry).toList());
        json.put("next", page.next().orElse(null));
        StaffJson.write(response, 200, json);
    }

    /**
     * Why the query cannot be answered, as the tickets API says it ({@code invalid_<parameter>}): a cursor that is no
     * cursor is refused too, since answering the first page again would send a client paging through the audit round
     * in a loop.
     */
    private static Optional<Problem> refusal(AuditQuery query, int limit) {
        if (!query.errors().isEmpty()) {
            FieldError error = query.errors().get(0);
            return Optional.of(invalid(error.field(), error.message()));
        }
        if (limit < 1) {
            return Optional.of(invalid("limit", "Число строк указано неверно: нужно целое число от 1 до " + MAX_LIMIT + "."));
        }
        return query.after().filter(after -> !AuditTrail.isCursor(after))
                .map(after -> invalid("after", "Ссылка на следующую страницу повреждена: запросите аудит заново."));
    }

    private static Problem invalid(String parameter, String message) {
        return new Problem(400, "invalid_" + parameter, "Неверный запрос", message);
    }

    private static Map<String, Object> entry(AuditEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", entry.at().toString());
        json.put("staff", entry.staff());
        json.put("address", entry.address());
        json.put("action", entry.action().code());
        json.put("ticket", entry.ticket().isEmpty() ? null : entry.ticket());
        json.put("what", entry.what());
        return json;
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            return limit > MAX_LIMIT ? -1 : limit;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
