package org.supportintake.web.staff;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.staff.StaffSessions;

/**
 * {@code POST /staff/logout} (the gate has checked the session and its CSRF token): the session ends in the database,
 * so no copy of the cookie opens it again; the cookie is cleared and the audit notes it.
 */
final class LogoutPage extends HttpServlet {

    static final String PATH = "/staff/logout";

    private final transient StaffSessions sessions;
    private final transient AuditTrail audit;
    private final boolean https;
    private final transient Clock clock;

    LogoutPage(StaffSessions sessions, AuditTrail audit, boolean https, Clock clock) {
        this.sessions = sessions;
        this.audit = audit;
        this.https = https;
        this.clock = clock;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StaffGate.cookie(request).ifPresent(sessions::close);
        audit.record(new AuditEntry(clock.instant(), StaffRequest.member(request).login(), StaffRequest.address(request),
                AuditAction.LOGOUT, "", ""));
        SessionCookie.clear(request, response, https);
        StaffPages.seeOther(response, StaffGate.LOGIN);
    }
}
