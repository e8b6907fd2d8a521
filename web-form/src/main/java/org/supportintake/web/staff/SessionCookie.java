package org.supportintake.web.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The {@code staff_session} cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it),
 * only for {@code /staff}, Secure when the site is https; no expiry, the server ends an idle session.
 */
final class SessionCookie {

    private SessionCookie() {
    }

    static void set(HttpServletRequest request, HttpServletResponse response, String value, boolean https) {
        response.addHeader("Set-Cookie", StaffRequest.COOKIE + "=" + value + attributes(request, https));
    }

    static void clear(HttpServletRequest request, HttpServletResponse response, boolean https) {
        response.addHeader("Set-Cookie", StaffRequest.COOKIE + "=; Max-Age=0" + attributes(request, https));
    }

    private static String attributes(HttpServletRequest request, boolean https) {
        return "; Path=/staff; HttpOnly; SameSite=Strict" + (https || request.isSecure() ? "; Secure" : "");
    }
}
