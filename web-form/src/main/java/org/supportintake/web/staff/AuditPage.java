package org.supportintake.web.staff;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.staff.Permission;
import org.supportintake.core.staff.StaffMember;

/** {@code /staff/audit}: who looked at what, newest first, filtered by the URL, a page at a time; supervisors and up. */
public final class AuditPage extends HttpServlet {

    static final int PAGE = 50;

    private final transient AuditTrail audit;
    private final transient StaffPages pages;
    private final transient Clock clock;

    AuditPage(AuditTrail audit, StaffPages pages, Clock clock) {
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!pages.allowed(request, response, Permission.READ_AUDIT)) {
            return;
        }
        request.setCharacterEncoding("UTF-8");
        AuditQuery query = AuditQuery.from(request::getParameter);
        StaffMember member = StaffRequest.member(request);
        AuditTrail.AuditPage found = audit.find(query.filter(), query.after(), PAGE);
        // Recorded once read, so the page shows the audit as it was when asked for, without this look on top.
        audit.record(new AuditEntry(clock.instant(), member.login(), StaffRequest.address(request), AuditAction.VIEW_AUDIT,
                query.filter().ticket().orElse(""), query.described()));
        Map<String, Object> view = new HashMap<>();
        view.put("title", (query.errors().isEmpty() ? "" : "Ошибка: ") + "Аудит просмотров");
        query.values().forEach(view::put);
        view.put("actions", Arrays.stream(AuditAction.values()).map(a -> Map.of("code", a.code(), "title", a.title(),
                "selected", a.code().equals(query.values().get("action")))).toList());
        view.put("entries", found.entries().stream().map(AuditPage::row).toList());
        view.put("hasEntries", !found.entries().isEmpty());
        view.put("hasErrors", !query.errors().isEmpty());
        view.put("errors", query.errors());
        query.errors().forEach(error -> view.put("error_" + error.field(), error.message()));
        found.next().ifPresent(next -> view.put("next", "/staff/audit?" + query.queryString()
                + (query.queryString().isEmpty() ? "" : "&") + "after=" + next));
        pages.html(request, response, 200, "staff-audit", "audit", view);
    }

    private static Map<String, Object> row(AuditEntry entry) {
        return Map.of("at", MoscowTimes.shown(entry.at()), "staff", entry.staff(), "address", entry.address(),
                "action", entry.action().title(), "ticket", entry.ticket(), "what", AuditWhat.readable(entry.action(), entry.what()));
    }
}
