package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportintake.core.staff.Role;
import org.supportintake.core.staff.StaffMember;

/**
 * The gate decides on the path Jetty routes by: a staff path written encoded, with a path parameter or a dot segment
 * reaches the same servlet as the plain one, so it meets the same login, token and CSRF checks (it used to slip past
 * the gate and fail with a 500 in the servlet).
 */
class StaffGatePathsTest {

    private static final String[] PAGES = {"/%73taff", "/staff;x", "/./staff/log", "/%73taff/export.csv",
        "/staff/%6cog", "/staff/tickets;x/26-0000001-4", "/%73taff/no-such-page"};
    private static final String[] API = {"/api/v1/%74ickets", "/api/v1/tickets;x/26-0000001-4", "/%61pi/v1/audit",
        "/api/v1/./tickets"};

    private StaffFixture staff;

    @BeforeEach
    void start() throws Exception {
        staff = new StaffFixture();
    }

    @AfterEach
    void stop() throws Exception {
        staff.close();
    }

    private String get(String path, String headers) throws Exception {
        return staff.raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers + "\r\n");
    }

    @Test
    void aStaffPageWrittenAnotherWayStillLeadsToTheLogin() throws Exception {
        for (String path : PAGES) {
            String answer = get(path, "");

            assertThat(answer).as(path).startsWith("HTTP/1.1 303").contains("Location: ")
                    .containsPattern("Location: [^\\r]*/staff/login");
        }
    }

    @Test
    void theStaffApiWrittenAnotherWayStillWantsItsTokenAndAnswersJson() throws Exception {
        for (String path : API) {
            String answer = get(path, "");

            assertThat(answer).as(path).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: Bearer",
                    "{\"error\":\"unauthorized\"");
        }
    }

    @Test
    void aSignedInMemberGetsTheSamePageByEitherPath() throws Exception {
        String cookie = staff.signIn(staff.member("petrova", Role.SUPERVISOR));
        String token = staff.token(staff.member("ivanov", Role.OPERATOR));

        assertThat(get("/%73taff/log", "Cookie: staff_session=" + cookie + "\r\n")).startsWith("HTTP/1.1 200");
        assertThat(get("/api/v1/%74ickets", "Authorization: Bearer " + token + "\r\n")).startsWith("HTTP/1.1 200");
    }

    @Test
    void anUnknownStaffPageIsA404InTheStaffLayoutAndTheBareFolderIsTheQueue() throws Exception {
        String cookie = "Cookie: staff_session=" + staff.signIn(staff.member("petrova", Role.OPERATOR)) + "\r\n";

        for (String path : new String[] {"/staff/no-such-page", "/%73taff/tickets-list", "/staff/assets/x.css"}) {
            assertThat(get(path, cookie)).as(path).startsWith("HTTP/1.1 404")
                    .contains("<title>Ошибка: Страница не найдена — Журнал обращений</title>",
                            "<nav aria-label=\"Разделы\" class=\"staff-nav\">", "petrova (Оператор)",
                            "<a href=\"/staff\">Вернуться к очереди обращений</a>");
        }
        assertThat(get("/staff/", cookie)).startsWith("HTTP/1.1 303").contains("Location: /staff\r\n");
        assertThat(staff.raw("POST /staff/no-such-page HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + cookie
                + "Content-Length: 0\r\n\r\n")).as("a post without the token").startsWith("HTTP/1.1 403")
                .contains("Форма устарела", "petrova (Оператор)");
    }

    @Test
    void aPostToAStaffPathWrittenAnotherWayWithoutTheCsrfFieldIs403AndKeepsTheSession() throws Exception {
        StaffMember member = staff.member("petrova", Role.OPERATOR);
        String cookie = staff.signIn(member);

        for (String path : new String[] {"/%73taff/logout", "/staff;x/logout", "/./staff/logout"}) {
            String answer = staff.raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Cookie: staff_session=" + cookie + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 0\r\n\r\n");

            assertThat(answer).as(path).startsWith("HTTP/1.1 403").contains("Форма устарела");
            assertThat(staff.sessions.resume(cookie)).as(path).isPresent();
        }
    }
}
