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
                .doesNotContain("Иванова", "ivanova@example.ru", "личного кабинета");
    }

    @Test
    void wrongEmailAndUnknownNumberGetTheSameAnswer() throws Exception {
        web = new WebFixture(files, WebFixture.generous());
        String number = fileOne();
        String unknown = TicketNumber.of(26, 9_999_999).toString();

        String wrongEmail = lookUp(number, "someone@example.ru").body();
        String wrongNumber = lookUp(unknown, "ivanova@example.ru").body();

        assertThat(wrongEmail).contains("Обращение с таким номером и адресом почты не найдено");
        assertThat(wrongEmail.replace(number, "N")).isEqualTo(wrongNumber.replace(unknown, "N"));
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
