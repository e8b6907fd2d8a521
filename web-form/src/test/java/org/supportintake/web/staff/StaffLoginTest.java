package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;

/** Signing in and out of the staff site over HTTP: the session cookie, refusals, lockout, where the sign-in leads. */
class StaffLoginTest {

    private LoginFixture web;

    @BeforeEach
    void start() throws Exception {
        web = new LoginFixture();
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    private List<AuditAction> audited() {
        return web.audit.find(AuditTrail.AuditFilter.any(), java.util.Optional.empty(), 100).entries().stream()
                .map(AuditEntry::action).toList();
    }

    @Test
    void theLoginPageIsARussianFormWithoutTheStaffNavigationAndIsNeverCached() throws Exception {
        HttpResponse<String> page = web.get("/staff/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body()).contains("<html lang=\"ru\">", "<h1>Вход для сотрудников</h1>", "<label for=\"login\">Логин",
                "autocomplete=\"current-password\"", "name=\"csrfToken\"")
                .doesNotContain("staff-nav", "/staff/logout", "aria-invalid");
    }

    @Test
    void aPageBehindTheGateLeadsToTheLoginAndTheRightPasswordBackToItWithAStrictHttpOnlyCookie() throws Exception {
        HttpResponse<String> away = web.get("/staff?status=new&flag=overdue");
        assertThat(away.statusCode()).isEqualTo(303);
        String login = away.headers().firstValue("Location").orElseThrow();
        assertThat(login).isEqualTo("/staff/login?next=%2Fstaff%3Fstatus%3Dnew%26flag%3Doverdue");

        HttpResponse<String> signedIn = web.logIn(login.substring("/staff/login".length()), "petrova", LoginFixture.PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/staff?status=new&flag=overdue");
        assertThat(signedIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("staff_session="))
                .singleElement().satisfies(cookie -> assertThat(cookie)
                        .endsWith("; Path=/staff; HttpOnly; SameSite=Strict").doesNotContain("Secure"));
        assertThat(web.get("/staff?status=new&flag=overdue").body()).contains("signed in as petrova");
        assertThat(web.intake().rows("staff_session")).isEqualTo(1);
        assertThat(web.intake().text("select id_hash from staff_session")).isNotEqualTo(web.sessionCookie());
        assertThat(audited()).containsExactly(AuditAction.LOGIN, AuditAction.ACCOUNT_ADDED);
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithTheErrorAndTheLoginKeptAndOpensNoSession() throws Exception {
        HttpResponse<String> refused = web.logIn("?next=/staff/x", "petrova", "не тот пароль");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("<title>Ошибка: Вход для сотрудников", "class=\"error-summary\"",
                "<a href=\"#login\">Неверный логин или пароль</a>", "aria-invalid=\"true\"", "value=\"petrova\"",
                "name=\"next\" value=\"/staff/x\"").doesNotContain("не тот пароль");
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("staff_session="));
        assertThat(web.logIn("", "nobody", "не тот пароль").body()).as("an unknown login: the same words")
                .contains("Неверный логин или пароль");
        assertThat(web.intake().rows("staff_session")).isZero();
        assertThat(audited()).startsWith(AuditAction.LOGIN_FAILED, AuditAction.LOGIN_FAILED);
    }

    @Test
    void theFifthWrongPasswordLocksTheLoginWith429AndTheWaitInRussianEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(web.logIn("", "petrova", "не тот пароль").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> locked = web.logIn("", "petrova", "не тот пароль");
        HttpResponse<String> stillLocked = web.logIn("", "petrova", LoginFixture.PASSWORD);

        for (HttpResponse<String> answer : List.of(locked, stillLocked)) {
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(answer.headers().firstValue("Retry-After")).contains("60");
            assertThat(answer.body()).contains("Вход временно заблокирован",
                    "Слишком много неудачных попыток входа. Повторите через 1 мин.").doesNotContain("aria-invalid");
        }
        web.clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(web.logIn("", "petrova", LoginFixture.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void aSignInNeverLeadsOffTheStaffSite() throws Exception {
        List<String> attempts = List.of("//evil.example/staff", "https://evil.example/staff", "/\\evil.example/staff",
                "/staff/../../evil", "/staff/%2e%2e/%2e%2e/evil", "/staff%2F..%2F..%2Fevil", "/staffevil",
                "/staff@evil.example", "javascript:alert(1)", "/staff/\r\nSet-Cookie: x=1", "staff", "/staff/login");
        for (String next : attempts) {
            String csrf = LoginFixture.hidden(web.get("/staff/login").body(), "csrfToken");
            HttpResponse<String> signedIn = web.post("/staff/login", Map.of("csrfToken", csrf, "next", next,
                    "login", "petrova", "password", LoginFixture.PASSWORD));
            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(signedIn.headers().firstValue("Location")).as(next).contains("/staff");
            assertThat(web.get("/staff/login?next=" + java.net.URLEncoder.encode(next,
                    java.nio.charset.StandardCharsets.UTF_8)).headers().firstValue("Location")).as(next).contains("/staff");
            web.post("/staff/logout", Map.of("csrf", LoginFixture.hidden(web.get("/staff").body(), "csrf")));
        }
    }

    @Test
    void aSignedInMemberOpeningTheLoginPageGoesStraightToNext() throws Exception {
        web.signedIn();

        HttpResponse<String> again = web.get("/staff/login?next=/staff/log");

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).contains("/staff/log");
    }

    @Test
    void logoutEndsTheSessionInTheDatabaseClearsTheCookieAndIsAudited() throws Exception {
        String csrf = web.signedIn();
        String cookie = web.sessionCookie();

        HttpResponse<String> out = web.post("/staff/logout", Map.of("csrf", csrf));

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).contains("/staff/login");
        assertThat(out.headers().allValues("Set-Cookie")).contains(
                "staff_session=; Max-Age=0; Path=/staff; HttpOnly; SameSite=Strict");
        assertThat(web.intake().rows("staff_session")).isZero();
        assertThat(web.sessions.resume(cookie)).as("a copy of the cookie").isEmpty();
        assertThat(web.get("/staff").statusCode()).isEqualTo(303);
        assertThat(audited().get(0)).isEqualTo(AuditAction.LOGOUT);
        assertThat(web.get("/staff/logout").statusCode()).as("GET").isEqualTo(405);
    }

    @Test
    void aPostWithoutTheCsrfFieldIs403AndChangesNothing() throws Exception {
        web.signedIn();

        HttpResponse<String> logout = web.post("/staff/logout", Map.of());
        HttpResponse<String> forged = web.post("/staff/logout", Map.of("csrf", "forged"));
        HttpResponse<String> login = web.post("/staff/login", Map.of("login", "petrova", "password", LoginFixture.PASSWORD));

        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.body()).contains("Страница устарела");
        assertThat(web.intake().rows("staff_session")).as("still signed in, no second session").isEqualTo(1);
        assertThat(web.get("/staff").body()).contains("signed in as petrova");
    }

    @Test
    void aDisabledAccountsOpenSessionGetsTheLoginPageAtOnce() throws Exception {
        web.signedIn();
        assertThat(web.get("/staff").statusCode()).isEqualTo(200);

        web.accounts.disable("petrova", "test");

        HttpResponse<String> next = web.get("/staff");
        assertThat(next.statusCode()).isEqualTo(303);
        assertThat(next.headers().firstValue("Location")).contains("/staff/login?next=%2Fstaff&ended=session");
        assertThat(web.logIn("", "petrova", LoginFixture.PASSWORD).body()).contains("Неверный логин или пароль");
    }

    @Test
    void aSessionIdleForLongerThanTheIdleTimeGetsTheLoginPage() throws Exception {
        web.signedIn();

        web.clock.advance(java.time.Duration.ofMinutes(31));

        assertThat(web.get("/staff").statusCode()).isEqualTo(303);
    }

    @Test
    void aSessionThatEndedSaysSoOnTheLoginPage() throws Exception {
        web.signedIn();
        web.clock.advance(java.time.Duration.ofMinutes(31));

        String login = web.get("/staff/log").headers().firstValue("Location").orElseThrow();

        assertThat(login).isEqualTo("/staff/login?next=%2Fstaff%2Flog&ended=session");
        assertThat(web.get(login).body()).contains("role=\"status\"><p>Сеанс завершился: долго не было действий");
        assertThat(web.get("/staff/login?next=%2Fstaff").body()).as("a first visit").doesNotContain("Сеанс завершился");
    }

    @Test
    void aMoveSentAfterTheSessionEndedIsNotDoneSaysSoAndLeadsBackToTheTicket() throws Exception {
        String csrf = web.signedIn();
        web.clock.advance(java.time.Duration.ofMinutes(31));

        HttpResponse<String> answer = web.post("/staff/tickets/26-0004217-9/resolve",
                Map.of("csrf", csrf, "resolve-text", "Ответ, который писали полчаса."));

        assertThat(answer.statusCode()).isEqualTo(303);
        String login = answer.headers().firstValue("Location").orElseThrow();
        assertThat(login).isEqualTo("/staff/login?next=%2Fstaff%2Ftickets%2F26-0004217-9&ended=action");
        assertThat(web.get(login).body()).contains("действие не выполнено и введённый текст не сохранён");
        assertThat(web.logIn(login.substring("/staff/login".length()), "petrova", LoginFixture.PASSWORD)
                .headers().firstValue("Location")).contains("/staff/tickets/26-0004217-9");
        assertThat(web.post("/staff/erase", Map.of()).headers().firstValue("Location"))
                .as("signed in again: a form that posts to its own page").isEmpty();
    }
}
