package org.supportintake.web.staff;

import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.staff.StaffSession;

/** What {@link StaffGate} puts on a request it lets through: the signed-in session, and the client's address. */
public final class StaffRequest {

    static final String SESSION = StaffRequest.class.getName() + ".session";
    static final String MEMBER = StaffRequest.class.getName() + ".member";
    /** The session cookie; its value is stored only as a hash (JdbcStaffSessions). */
    public static final String COOKIE = "staff_session";
    /** The hidden field of every staff form: the session's CSRF token. */
    public static final String CSRF_FIELD = "csrf";
    static final String STALE_FORM = StaffRequest.class.getName() + ".staleForm";

    private StaffRequest() {
    }

    /** The session of a page under {@code /staff}; there is none on the API, which is signed in by token. */
    public static StaffSession session(HttpServletRequest request) {
        return Objects.requireNonNull((StaffSession) request.getAttribute(SESSION), "no staff session on this request");
    }

    /** Who is asking, on a page or on the API. */
    public static StaffMember member(HttpServletRequest request) {
        return Objects.requireNonNull((StaffMember) request.getAttribute(MEMBER), "no staff member on this request");
    }

    /**
     * True when the gate let a ticket form through whose CSRF token is not the session's (a page opened before the
     * member signed in again): the form must be shown again with what was typed, and nothing done.
     */
    static boolean staleForm(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(STALE_FORM));
    }

    /** The client's address as the edge resolved it (trusted proxies honoured), for the audit. */
    public static String address(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
