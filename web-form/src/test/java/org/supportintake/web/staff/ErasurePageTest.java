package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.staff.Role;
import org.supportintake.core.testing.Submissions;

/** {@code /staff/erase} over HTTP: admins only, a confirmation with the count first, then the erasure, audited. */
class ErasurePageTest {

    private static final String EMAIL = "ivanova@example.ru";

    @TempDir
    Path files;

    private QuarantineFixture staff;

    @BeforeEach
    void start() throws Exception {
        staff = new QuarantineFixture(files);
        staff.intake().service().accept(Submissions.form().build());
        staff.intake().service().accept(Submissions.form().build());
    }

    @AfterEach
    void stop() throws Exception {
        staff.close();
    }

    @Test
    void operatorsAndSupervisorsMayNotErase() throws Exception {
        for (Role role : new Role[] {Role.OPERATOR, Role.SUPERVISOR}) {
            QuarantineFixture.Browser browser = staff.signIn(role.code() + "1", role);

            assertThat(browser.get("/staff/erase").statusCode()).isEqualTo(403);
            assertThat(browser.post("/staff/erase", Map.of("step", "erase", "email", EMAIL, "reason", "отзыв согласия"))
                    .statusCode()).isEqualTo(403);
            assertThat(browser.get("/staff/failed").body()).doesNotContain("href=\"/staff/erase\"");
        }
        assertThat(staff.intake().text("select count(*) from ticket where requester_email = '" + EMAIL + "'"))
                .isEqualTo("2");
        assertThat(staff.audit()).noneMatch(row -> row.startsWith("erase_requester"));
    }

    @Test
    void theAdminConfirmsTheCountThenTheDataIsErasedAndAudited() throws Exception {
        QuarantineFixture.Browser admin = staff.signIn("admin1", Role.ADMIN);

        HttpResponse<String> confirm = admin.post("/staff/erase", Map.of("step", "check", "email", " Ivanova@Example.RU",
                "reason", "Отзыв согласия, заявление от 1 декабря"));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Будут обезличены обращения заявителя <strong>Ivanova@Example.RU</strong>: 2,",
                "name=\"step\" value=\"erase\"", "Удалить данные заявителя");
        assertThat(staff.intake().text("select count(*) from ticket where erased_at is null")).isEqualTo("2");

        HttpResponse<String> erased = admin.post("/staff/erase", Map.of("step", "erase", "email", "Ivanova@Example.RU",
                "reason", "Отзыв согласия, заявление от 1 декабря"));
        assertThat(erased.statusCode()).isEqualTo(303);
        String location = erased.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/staff/erase?tickets=2&setAside=0&files=0");
        assertThat(admin.get(location).body()).contains("Данные заявителя удалены.", "Обезличено обращений: 2");

        assertThat(staff.intake().text("select count(*) from ticket where requester_email = '' and erased_at is not null"))
                .isEqualTo("2");
        assertThat(staff.audit()).containsExactly("erase_requester|admin1||заявитель I***@Example.RU, обращений 2; "
                + "основание: Отзыв согласия, заявление от 1 декабря");
    }

    @Test
    void aMissingEmailOrReasonIsAskedForAgain() throws Exception {
        HttpResponse<String> page = staff.signIn("admin1", Role.ADMIN).post("/staff/erase",
                Map.of("step", "check", "email", "not an address", "reason", ""));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<title>Ошибка: удаление данных заявителя", "href=\"#email\"", "href=\"#reason\"");
        assertThat(staff.intake().text("select count(*) from ticket where erased_at is null")).isEqualTo("2");
    }

    @Test
    void anAdminSeesTheErasureInTheNavigation() throws Exception {
        assertThat(staff.signIn("admin1", Role.ADMIN).get("/staff/erase").body())
                .contains("<a href=\"/staff/erase\" aria-current=\"page\">Удаление данных</a>");
    }
}
