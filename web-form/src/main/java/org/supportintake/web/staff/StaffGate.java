package org.supportintake.web.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.staff.StaffAccounts;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.staff.StaffSession;
import org.supportintake.core.staff.StaffSessions;
import org.supportintake.web.security.RequestOrigin;
import org.supportintake.web.view.ErrorPages;
import org.supportintake.web.view.Problem;
import org.supportintake.web.view.RoutedPath;

/**
 * The door to everything staff see: pages under {@code /staff} need a live session (else the login page, with the
 * way back), and every post there the session's CSRF token; the staff API ({@link #API_PATHS}) needs a bearer token
 * (else 401). Staff answers are never cached: they hold personal data. It decides on the {@link RoutedPath}, the path
 * Jetty picks the servlet by, so no spelling of a staff path reaches a staff servlet without passing here.
 */
public final class StaffGate extends HttpFilter {

    static final String LOGIN = "/staff/login";
    private static final String[] API_PATHS = {"/api/v1/tickets", "/api/v1/audit"};
    private static final String BEARER = "Bearer ";

    private final transient StaffSessions sessions;
    private final transient StaffAccounts accounts;
    private final transient ErrorPages errors;
    private final transient StaffPages pages;

    StaffGate(StaffSessions sessions, StaffAccounts accounts, ErrorPages errors, StaffPages pages) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.errors = errors;
        this.pages = pages;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RoutedPath.of(request);
        if (isApi(path)) {
            api(request, response, chain);
        } else if (path.equals("/staff") || path.startsWith("/staff/")) {
            response.setHeader("Cache-Control", "no-store");
            if (path.equals(LOGIN)) {
                chain.doFilter(request, response);
            } else {
                page(request, response, chain);
            }
        } else {
            chain.doFilter(request, response);
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> cookie = cookie(request);
        Optional<StaffSession> session = cookie.flatMap(sessions::resume);
        if (session.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", SignInAgain.location(request, cookie.isPresent()));
            return;
        }
        request.setAttribute(StaffRequest.SESSION, session.get());
        request.setAttribute(StaffRequest.MEMBER, session.get().member());
        if ("POST".equals(request.getMethod()) && !csrfMatches(request, session.get().csrfToken())) {
            if (!keepsWhatWasTyped(request)) {
                pages.problem(request, response, new Problem(403, "csrf", "Форма устарела",
                        "Страница была открыта слишком давно или в другом входе. Обновите страницу и повторите действие."));
                return;
            }
            request.setAttribute(StaffRequest.STALE_FORM, Boolean.TRUE);
        }
        chain.doFilter(request, response);
    }

    private void api(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        String header = request.getHeader("Authorization");
        Optional<StaffMember> member = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? accounts.byApiToken(header.substring(BEARER.length()).strip()) : Optional.empty();
        if (member.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            errors.write(request, response, new Problem(401, "unauthorized", "Нужен ключ доступа",
                    "Нужен действующий ключ API в заголовке Authorization."));
            return;
        }
        request.setAttribute(StaffRequest.MEMBER, member.get());
        chain.doFilter(request, response);
    }

    /**
     * A ticket's form posted from this site with an old token (the member signed in again meanwhile) goes on to the
     * ticket page, which does nothing but show the form again with the answer typed into it. Only the browser's own
     * {@code Sec-Fetch-Site: same-origin} says so (no page can forge it; {@code Origin} is "null" under our
     * {@code Referrer-Policy: no-referrer}), so no other site can put text into an operator's form.
     */
    private static boolean keepsWhatWasTyped(HttpServletRequest request) {
        return RoutedPath.of(request).startsWith(TicketPage.PATH)
                && "same-origin".equalsIgnoreCase(RequestOrigin.of(request).fetchSite().strip());
    }

    private static boolean isApi(String path) {
        return Arrays.stream(API_PATHS).anyMatch(api -> path.equals(api) || path.startsWith(api + "/"));
    }

    private static boolean csrfMatches(HttpServletRequest request, String expected) {
        String sent = request.getParameter(StaffRequest.CSRF_FIELD);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(c -> StaffRequest.COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst();
    }
}
