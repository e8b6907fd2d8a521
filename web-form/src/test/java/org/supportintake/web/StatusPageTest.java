package org.supportintake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.core.ticket.TicketNumber;

class StatusPageTest {

    @TempDir
    Path files;

    private WebFixture web;

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    private HttpResponse<String> lookUp(String number, String email) throws Exception {
        String csrf = WebFixture.hidden(web.get("/status").body(), "csrfToken");
        String form = "csrfToken=" + csrf + "&ticketNumber=" + URLEncoder.encode(number, StandardCharsets.UTF_8)
                + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
        return web.client.send(HttpRequest.newBuilder(web.uri("/status"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String fileOne() throws Exception {
        web.post("/feedback", web.validForm());
        return web.intake().text("select number from ticket");
    }

    @Test
    void numberAndEmailShowStatusDatesAndHistoryWithoutPersonalData() throws Exception {
        web = new WebFixture(files, WebFixture.generous());
        String number = fileOne();

        HttpResponse<String> answer = lookUp(number, "IVANOVA@example.ru");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains(number, "Принято", "Срок ответа", "обращение принято")
                .doesNotContain("Иванова", "ivanova@example.ru", "IVANOVA", "личного кабинета");
    }

    @Test
    void foundTicketIsASummaryListWithAStatusTagAndMoscowDates() throws Exception {
        web = new WebFixture(files, WebFixture.generous());
        String number = fileOne();

        String page = lookUp(number, "ivanova@example.ru").body();

        assertThat(page).as("its title names the ticket found").contains("<title>Обращение " + number + " — Статус обращения — ");
        assertThat(page).contains("<dl class=\"summary-list\">", "<strong class=\"tag tag-accepted\">Принято</strong>",
                        "<dt>Дата обращения</dt>", "<span class=\"nowrap\">" + number + "</span>")
                .doesNotContain("class=\"panel\"", "<dt>Принято</dt>", "error-summary", "Ошибка:");
        assertThat(page.split("\\(мск\\)", -1)).as("created, due and the history entry in Moscow time").hasSize(4);
    }

    @Test
    void emptyFieldsAreMarkedBesideThemAndInASummaryWithLinks() throws Exception {
        web = new WebFixture(files, WebFixture.generous());

        HttpResponse<String> answer = lookUp("", "");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("<title>Ошибка: Статус обращения",
                        "<a href=\"#ticketNumber\">Укажите номер обращения.</a>",
                        "<a href=\"#email\">Укажите адрес электронной почты.</a>",
                        "id=\"ticketNumber-error\"", "id=\"email-error\"",
                        "aria-describedby=\"ticketNumber-hint ticketNumber-error\" aria-invalid=\"true\"",
                        "aria-describedby=\"email-error\" aria-invalid=\"true\"")
                .doesNotContain("указан неверно");
    }

    @Test
    void malformedNumberIsExplainedBesideItAndTheTypedEmailIsKept() throws Exception {
        web = new WebFixture(files, WebFixture.generous());

        String page = lookUp("26-123", "ivanova@example.ru").body();

        assertThat(page).contains("<a href=\"#ticketNumber\">Номер обращения указан неверно. Он выглядит так: "
                        + "<span class=\"nowrap\">26-0004217-9</span>.</a>",
                "Он выглядит так: <span class=\"nowrap\">26-0004217-9</span>.</p>",
                "value=\"26-123\"", "value=\"ivanova@example.ru\"");
        assertThat(page.split("aria-invalid=\"true\"", -1)).as("only the number is marked").hasSize(2);
        assertThat(page).contains("<h2 id=\"error-summary-title\">Исправьте ошибку, чтобы узнать статус обращения</h2>");
        assertThat(page).as("the browser's own check of the email input is not read out")
                .contains("value=\"ivanova@example.ru\" aria-invalid=\"false\"");
    }

    @Test
    void notFoundKeepsWhatWasTypedSoItCanBeChecked() throws Exception {
        web = new WebFixture(files, WebFixture.generous());
        String unknown = TicketNumber.of(26, 9_999_999).toString();

        String page = lookUp(unknown, "ivanova@example.ru").body();

        assertThat(page).contains("<title>Ошибка: Обращение не найдено — Статус обращения — ",
                "Обращение с таким номером и адресом почты не найдено",
                "value=\"" + unknown + "\"", "value=\"ivanova@example.ru\"");
    }

    @Test
    void wrongEmailAndUnknownNumberGetTheSameAnswer() throws Exception {
        web = new WebFixture(files, WebFixture.generous());
        String number = fileOne();
        String unknown = TicketNumber.of(26, 9_999_999).toString();

        String wrongEmail = lookUp(number, "someone@example.ru").body();
        String wrongNumber = lookUp(unknown, "ivanova@example.ru").body();

        assertThat(wrongEmail).contains("Обращение с таким номером и адресом почты не найдено");
        assertThat(wrongEmail.replace(number, "N").replace("someone@", "E@"))
                .isEqualTo(wrongNumber.replace(unknown, "N").replace("ivanova@", "E@"));
    }

    @Test
    void lookupsAreRateLimited() throws Exception {
        web = new WebFixture(files, new WebForm.Limits(AttachmentPolicy.form(), WebFixture.MAX_REQUEST, 1000, 1000, 2));
        lookUp("26-0000001-4", "a@example.ru");
        lookUp("26-0000001-4", "b@example.ru");
        HttpResponse<String> third = lookUp("26-0000001-4", "c@example.ru");
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
    }
}
