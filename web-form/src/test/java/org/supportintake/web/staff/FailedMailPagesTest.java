package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.staff.Role;
import org.supportintake.core.testing.TestClocks;

/** {@code /staff/failed} over HTTP: the list, the escaped raw text, the .eml, replay and delete, and their audit. */
class FailedMailPagesTest {

    private static final String RAW = "From: Анна <anna@mail.example.ru>\r\nSubject: =?utf-8?B?0J/RgNC+0LHQu9C10LzQsA==?=\r\n"
            + "Content-Type: text/html\r\n\r\n<script>alert('xss')</script><p>Добрый день</p>\r\n";

    @TempDir
    Path files;

    private QuarantineFixture staff;

    @BeforeEach
    void start() throws Exception {
        staff = new QuarantineFixture(files);
    }

    @AfterEach
    void stop() throws Exception {
        staff.close();
    }

    private long poison() {
        return staff.setAside("anna@mail.example.ru", "Проблема", RAW, "MIME parts nested deeper than 20 levels");
    }

    @Test
    void theListShowsReasonSenderSizeTimeAndStateAndIsAudited() throws Exception {
        long id = poison();

        HttpResponse<String> page = staff.signIn("operator1", Role.OPERATOR).get("/staff/failed");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/staff/failed/" + id + "\">" + DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.ROOT)
                        .withZone(SlaCalendar.MOSCOW).format(TestClocks.now()) + "</a>",
                "anna@mail.example.ru", "<span lang=\"en\">MIME parts nested deeper than 20 levels</span>", RAW.getBytes(StandardCharsets.UTF_8).length + " Б", "Ждёт решения",
                "aria-current=\"page\">Отложенные письма", "<th scope=\"col\">Отложено (мск)</th>");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(staff.audit()).containsExactly("view_set_aside|operator1||список отложенных писем");
    }

    @Test
    void theRawMessageIsShownAsEscapedText() throws Exception {
        long id = poison();

        HttpResponse<String> page = staff.signIn("operator1", Role.OPERATOR).get("/staff/failed/" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<pre class=\"raw\" tabindex=\"0\" role=\"region\" aria-labelledby=\"raw-title\">",
                        "<h2 id=\"raw-title\">", "<dd><span lang=\"en\">MIME parts nested deeper than 20 levels</span></dd>",
                        "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert").doesNotContain("Показаны первые");
        assertThat(staff.audit()).containsExactly("view_set_aside|operator1||отложенное письмо " + id);
    }

    @Test
    void aLongRawMessageIsCappedWithANote() throws Exception {
        long id = staff.setAside("", "", "Subject: long\r\n\r\n" + "я".repeat(150_000) + "КОНЕЦ", "too many parts");

        HttpResponse<String> page = staff.signIn("operator1", Role.OPERATOR).get("/staff/failed/" + id);

        assertThat(page.body()).contains("Показаны первые 100\u00a0000 символов", "не прочитан").doesNotContain("КОНЕЦ");
    }

    @Test
    void theRawMessageDownloadsAsAnEmlAttachment() throws Exception {
        long id = poison();

        HttpResponse<byte[]> download = staff.signIn("operator1", Role.OPERATOR).bytes("/staff/failed/" + id + "/raw");

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("message/rfc822");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"set-aside-" + id + ".eml\"");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo(RAW);
        assertThat(staff.audit()).containsExactly("download_set_aside|operator1||отложенное письмо " + id);
    }

    @Test
    void replayRedirectsToTheOutcomeInRussianAndMakesOneTicketWhenRepeated() throws Exception {
        long id = poison();
        QuarantineFixture.Browser operator = staff.signIn("operator1", Role.OPERATOR);

        HttpResponse<String> posted = operator.post("/staff/failed/" + id + "/replay", Map.of());
        HttpResponse<String> page = operator.get(posted.headers().firstValue("Location").orElseThrow());
        operator.post("/staff/failed/" + id + "/replay", Map.of());
        HttpResponse<String> again = operator.get("/staff/failed/" + id + "?done=replay");

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).contains("/staff/failed/" + id + "?done=replay");
        String number = staff.intake().text("select number from ticket");
        assertThat(page.body()).contains("<title>Письмо обработано повторно — Отложенное письмо " + id + " — ",
                "Письмо обработано повторно", "Создано обращение " + number,
                "Обработано повторно (operator1");
        assertThat(again.body()).contains("Уже было принято ранее, обращение " + number);
        assertThat(staff.intake().rows("ticket")).isEqualTo(1);
        assertThat(staff.audit()).contains("replay_set_aside|operator1|" + number + "|отложенное письмо " + id
                + ": создано обращение", "replay_set_aside|operator1|" + number + "|отложенное письмо " + id
                + ": уже было принято");
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenChangesNothing() throws Exception {
        long id = poison();

        HttpResponse<String> posted = staff.signIn("supervisor1", Role.SUPERVISOR)
                .post("/staff/failed/" + id + "/delete", Map.of("csrf", "forged"));

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(staff.intake().text("select state from set_aside_mail")).isEqualTo("waiting");
        assertThat(staff.audit()).isEmpty();
    }

    @Test
    void anOperatorMayNotDelete() throws Exception {
        long id = poison();
        String sha = staff.intake().text("select raw_sha256 from set_aside_mail");
        QuarantineFixture.Browser operator = staff.signIn("operator1", Role.OPERATOR);

        HttpResponse<String> posted = operator.post("/staff/failed/" + id + "/delete", Map.of());

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("Недостаточно прав");
        assertThat(staff.intake().text("select state from set_aside_mail")).isEqualTo("waiting");
        assertThat(Files.exists(staff.files.pathOf(sha))).isTrue();
        assertThat(operator.get("/staff/failed/" + id).body()).doesNotContain("Удалить письмо");
        assertThat(staff.audit()).noneMatch(row -> row.startsWith("delete_set_aside"));
    }

    @Test
    void aSupervisorDeletesTheMailAndItsRawFileOnly() throws Exception {
        long id = poison();
        long other = staff.setAside("b@mail.example.ru", "Другое", "Subject: other\r\n\r\nother", "unreadable");
        String sha = staff.intake().text("select raw_sha256 from set_aside_mail where id = " + id);
        QuarantineFixture.Browser supervisor = staff.signIn("supervisor1", Role.SUPERVISOR);

        HttpResponse<String> posted = supervisor.post("/staff/failed/" + id + "/delete", Map.of());
        HttpResponse<String> page = supervisor.get(posted.headers().firstValue("Location").orElseThrow());

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(page.body()).contains("Письмо удалено.", "Исходное письмо не сохранено")
                .doesNotContain("Обработать повторно</button>");
        assertThat(Files.exists(staff.files.pathOf(sha))).isFalse();
        assertThat(staff.intake().text("select state from set_aside_mail where id = " + other)).isEqualTo("waiting");
        assertThat(staff.intake().rows("set_aside_mail")).isEqualTo(2);
        assertThat(supervisor.bytes("/staff/failed/" + id + "/raw").statusCode()).isEqualTo(404);
        assertThat(staff.audit()).contains("delete_set_aside|supervisor1||отложенное письмо " + id);
    }

    @Test
    void anUnknownMailIsTheStaff404() throws Exception {
        QuarantineFixture.Browser operator = staff.signIn("operator1", Role.OPERATOR);

        assertThat(operator.get("/staff/failed/12345").statusCode()).isEqualTo(404);
        assertThat(operator.get("/staff/failed/abc").statusCode()).isEqualTo(404);
        assertThat(operator.post("/staff/failed/12345/replay", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void withoutASessionTheLoginPageAnswers() throws Exception {
        long id = poison();

        HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(staff.uri("/staff/failed/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/staff/login"));
    }
}
