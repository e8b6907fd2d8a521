package org.supportintake.web.staff;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.core.staff.LoginName;
import org.supportintake.core.staff.LoginOutcome;
import org.supportintake.core.staff.StaffAccounts;
import org.supportintake.core.staff.StaffSessions;
import org.supportintake.web.security.CsrfTokens;
import org.supportintake.web.view.Pages;

/**
 * {@code /staff/login}: the sign-in form (nobody is signed in yet, so its post carries the double-submit
 * {@link CsrfTokens}), and on success a new session and the way back to {@code next}. A refusal re-shows the form with
 * 200, not 401: a 401 must challenge with an HTTP authentication scheme ({@code WWW-Authenticate}) a form does not
 * have, and the access log still tells them apart (a sign-in is a 303). A lockout is 429 with {@code Retry-After}.
 */
final class LoginPage extends HttpServlet {

    static final String REFUSED = "Неверный логин или пароль";
    private static final String TITLE = "Вход для сотрудников";

    private final transient StaffAccounts accounts;
    private final transient StaffSessions sessions;
    private final transient CsrfTokens csrf;
    private final transient Pages pages;
    private final boolean https;
    private final transient Clock clock;

    LoginPage(StaffAccounts accounts, StaffSessions sessions, CsrfTokens csrf, Pages pages, boolean https, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.csrf = csrf;
        this.pages = pages;
        this.https = https;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = NextPage.of(request.getParameter("next"));
        if (StaffGate.cookie(request).flatMap(sessions::resume).isPresent()) {
            StaffPages.seeOther(response, next);
            return;
        }
        Map<String, Object> view = view(next, "", null);
        SignInAgain.notice(request.getParameter(SignInAgain.ENDED)).ifPresent(notice -> view.put("ended", notice));
        show(request, response, 200, view);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String next = NextPage.of(request.getParameter("next"));
        String login = shown(request.getParameter("login"));
        String password = request.getParameter("password");
        if (!csrf.matches(request, request.getParameter(CsrfTokens.FIELD))) {
            show(request, response, 403, view(next, login, new Problem("Страница устарела",
                    "Страница входа была открыта слишком давно. Введите логин и пароль ещё раз.", false)));
            return;
        }
        if (login.isEmpty() || password == null || password.isEmpty()) {
            show(request, response, 200, view(next, login, new Problem("Не удалось войти", "Введите логин и пароль",
                    true)));
            return;
        }
        char[] secret = password.toCharArray();
        LoginOutcome outcome;
        try {
            outcome = accounts.logIn(login, secret, StaffRequest.address(request));
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (outcome instanceof LoginOutcome.SignedIn signedIn) {
            // A cookie from before the sign-in is never reused: a planted session id gains its planter nothing.
            StaffGate.cookie(request).ifPresent(sessions::close);
            SessionCookie.set(request, response, sessions.open(signedIn.member()), https);
            StaffPages.seeOther(response, next);
        } else if (outcome instanceof LoginOutcome.LockedOut locked) {
            Duration wait = Duration.between(clock.instant(), locked.until());
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0))));
            show(request, response, 429, view(next, login, new Problem("Вход временно заблокирован",
                    "Слишком много неудачных попыток входа. Повторите через " + WaitText.of(wait) + ".", false)));
        } else {
            show(request, response, 200, view(next, login, new Problem("Не удалось войти", REFUSED, true)));
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> view)
            throws IOException {
        view.put(CsrfTokens.FIELD, csrf.issue(request, response));
        pages.html(response, status, "staff-login", view);
    }

    private static Map<String, Object> view(String next, String login, Problem problem) {
        Map<String, Object> view = new HashMap<>();
        view.put("title", (problem == null ? "" : "Ошибка: ") + TITLE);
        view.put("next", next);
        view.put("login", login);
        if (problem != null) {
            view.put("problem", Map.of("summaryTitle", problem.summaryTitle(), "message", problem.message()));
            view.put("invalid", problem.fields());
        }
        return view;
    }

    private static String shown(String login) {
        String value = login == null ? "" : login.strip();
        return value.length() > LoginName.MAX_LENGTH ? value.substring(0, LoginName.MAX_LENGTH) : value;
    }

    /** What the error summary says; {@code fields}: the login and password fields are marked invalid too. */
    private record Problem(String summaryTitle, String message, boolean fields) {
    }
}
