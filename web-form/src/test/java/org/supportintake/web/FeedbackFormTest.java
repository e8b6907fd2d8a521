package org.supportintake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.attachments.testing.TestFiles;

class FeedbackFormTest {

    @TempDir
    Path files;

    private WebFixture web;

    @BeforeEach
    void start() throws Exception {
        web = new WebFixture(files, WebFixture.generous());
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    private long tickets() {
        return web.intake().rows("ticket");
    }

    @Test
    void formPageLabelsEveryFieldAndSendsSecurityHeaders() throws Exception {
        HttpResponse<String> page = web.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        for (String field : new String[] {"fullName", "email", "phone", "category", "subject", "description",
                "previousTicket", "callbackTime", "attachments", "consent"}) {
            assertThat(page.body()).contains("<label for=\"" + field + "\"", "id=\"" + field + "\"");
        }
        assertThat(page.body()).contains("Не больше 200 символов", "От 20 до 2000 символов", "не больше 5 МБ", "До 5 файлов",
                "русские или латинские буквы, пробел, дефис, апостроф, точка",
                "152-ФЗ", "<html lang=\"ru\">").doesNotContain("<script>", "style=");
        assertThat(page.body()).as("a fresh form shows no error").doesNotContain("has-error", "aria-invalid=\"true\"",
                "error-summary", "error-message", "Ошибка:");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("intake_csrf=").contains("HttpOnly", "SameSite=Strict"));
    }

    /**
     * Chromium reads a required select or checkbox as invalid before anything is sent, and a Cyrillic address in an
     * email input as invalid while it is typed; the server decides, so every control says it is valid until it has.
     */
    @Test
    void freshFormMarksEveryControlValidSoTheBrowsersOwnChecksAreNotReadOut() throws Exception {
        String page = web.get("/").body();

        for (String field : new String[] {"fullName", "email", "phone", "callbackTime", "category", "subject",
                "description", "previousTicket", "attachments", "consent"}) {
            assertThat(page).as(field).containsPattern("<(input|select|textarea) id=\"" + field
                    + "\"[^>]*aria-invalid=\"false\"");
        }
    }

    /** GOV.UK's character count: the counter says how many are too many, the server refuses; nothing is cut unseen. */
    @Test
    void countedFieldsHaveNoMaxlengthThatWouldCutPastedTextSilently() throws Exception {
        String page = web.get("/").body();

        assertThat(page).containsPattern("<input id=\"subject\"[^>]*data-counter=\"200\"")
                .containsPattern("<textarea id=\"description\"[^>]*data-counter=\"2000\"")
                .doesNotContainPattern("<(input|textarea) id=\"(subject|description)\"[^>]*maxlength");
    }

    @Test
    void validFormOpensATicketAndShowsItsNumberAndDueDate() throws Exception {
        HttpResponse<String> answer = web.follow(web.post("/feedback", web.validForm()
                .file("attachments", "screen.png", "image/png", TestFiles.png())));

        assertThat(answer.statusCode()).isEqualTo(200);
        String number = web.intake().text("select number from ticket");
        assertThat(answer.body()).contains("Обращение принято", number, "не позднее", "(мск)")
                .contains("<strong class=\"nowrap\">" + number + "</strong>");
        assertThat(web.intake().rows("attachment")).isEqualTo(1);
    }

    @Test
    void successPageSaysTheAcknowledgementIsStillToBeSent() throws Exception {
        String page = web.follow(web.post("/feedback", web.validForm())).body();

        assertThat(page).contains("Подтверждение с номером обращения будет отправлено на адрес ivanova@example.ru.")
                .doesNotContain("номером обращения отправлено", "(время московское)");
    }

    @Test
    void successfulPostRedirectsToAResultPageWhoseAddressCarriesNoPersonalData() throws Exception {
        HttpResponse<String> answer = web.post("/feedback", web.validForm());

        assertThat(answer.statusCode()).isEqualTo(303);
        String number = web.intake().text("select number from ticket");
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).matches("/feedback/accepted/[A-Za-z0-9_-]{22}")
                        .doesNotContain("ivanova", "example.ru", "Иванова", "912", number));
        assertThat(answer.body()).doesNotContain(number, "ivanova");
    }

    @Test
    void resultPageShowsTheSameResultWhenReloadedAndFilesNothingNew() throws Exception {
        HttpResponse<String> answer = web.post("/feedback", web.validForm());

        String first = web.follow(answer).body();
        String reloaded = web.follow(answer).body();

        assertThat(reloaded).isEqualTo(first).contains(web.intake().text("select number from ticket"));
        assertThat(tickets()).isEqualTo(1);
    }

    @Test
    void unknownResultAddressGetsA404PageThatSaysWhereTheNumberWent() throws Exception {
        HttpResponse<String> answer = web.get("/feedback/accepted/AAAAAAAAAAAAAAAAAAAAAA");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("<html lang=\"ru\">", "<h1>Страница результата устарела</h1>",
                "отправлены на вашу электронную почту", "href=\"/status\"");
    }

    @Test
    void invalidFormComesBackWithEveryErrorBesideItsFieldAndTheInputKept() throws Exception {
        HttpResponse<String> answer = web.post("/feedback", web.validForm()
                .field("subject", "Ж".repeat(201)).field("phone", "")
                .file("attachments", "scan.png", "image/png", TestFiles.png()));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .contains("<title>Ошибка: Обращение в службу поддержки", "Исправьте ошибки, чтобы отправить обращение")
                .contains("id=\"error-summary\"", "<a href=\"#subject\">Краткое описание — не длиннее 200 символов.</a>",
                        "<a href=\"#phone\">Укажите номер телефона.</a>")
                .contains("id=\"subject-error\"", "id=\"phone-error\"", "aria-invalid=\"true\"")
                .contains("value=\"Иванова Мария Петровна\"", "value=\"" + "Ж".repeat(201) + "\"",
                        "После ввода пароля страница личного кабинета")
                .contains("Файлы нужно выбрать заново");
        assertThat(answer.body().split("has-error", -1)).as("only the two fields in error are marked").hasSize(3);
        assertThat(answer.body().split("aria-invalid=\"true\"", -1)).as("only the two fields in error are invalid")
                .hasSize(3);
        assertThat(tickets()).isZero();
        assertThat(web.intake().rows("outbox")).isZero();
    }

    @Test
    void consentCheckboxIsNotDescribedByItsOwnLabel() throws Exception {
        String page = web.post("/feedback", web.validForm().field("consent", "")).body();

        String checkbox = page.substring(page.indexOf("<input id=\"consent\""), page.indexOf("<label for=\"consent\""));
        assertThat(checkbox).contains("aria-describedby=\"consent-error\"").doesNotContain("consent-text");
        assertThat(web.get("/").body()).doesNotContain("consent-text");
    }

    @Test
    void ticketNumberAndPhoneExamplesDoNotBreakAtTheirHyphens() throws Exception {
        assertThat(web.get("/").body()).contains("<span class=\"nowrap\">+7 912 345-67-89</span>",
                "<span class=\"nowrap\">26-0004217-9</span>");
        String errors = web.post("/feedback", web.validForm().field("phone", "12").field("previousTicket", "26-1")).body();
        assertThat(errors).contains("Пример: <span class=\"nowrap\">+7 912 345-67-89</span>",
                "Номер прошлого обращения указан неверно. Он выглядит так: <span class=\"nowrap\">26-0004217-9</span>.</a>",
                "Он выглядит так: <span class=\"nowrap\">26-0004217-9</span>.</p>");
    }

    @Test
    void typedTextIsEscapedWhenShownAgain() throws Exception {
        HttpResponse<String> answer = web.post("/feedback", web.validForm()
                .field("fullName", "<script>alert(1)</script>").field("phone", ""));
        assertThat(answer.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void fileThatBreaksARuleIsAViolationNamingItAndNothingIsStored() throws Exception {
        HttpResponse<String> answer = web.post("/feedback", web.validForm()
                .file("attachments", "report.pdf", "application/pdf", TestFiles.elf()));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("Файл «report.pdf» — его содержимое не соответствует имени или типу файла.");
        assertThat(tickets()).isZero();
    }

    @Test
    void postWithoutTheCsrfTokenIsRefusedAndStoresNothing() throws Exception {
        HttpResponse<String> answer = web.post("/feedback", web.validForm().field("csrfToken", "x"));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("Страница устарела", "<h2 id=\"error-summary-title\">Обращение не отправлено</h2>");
        assertThat(tickets()).isZero();
    }

    @Test
    void oneErrorIsCalledOneError() throws Exception {
        HttpResponse<String> answer = web.post("/feedback", web.validForm().field("consent", ""));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("<h2 id=\"error-summary-title\">Исправьте ошибку, чтобы отправить обращение</h2>");
    }

    @Test
    void validFormWithTheHoneypotFilledStoresNothing() throws Exception {
        HttpResponse<String> answer = web.post("/feedback", web.validForm().field("website", "http://spam.example"));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("<title>Ошибка: Обращение не принято");
        assertThat(tickets()).isZero();
        assertThat(web.intake().rows("outbox")).isZero();
        // The same form with the honeypot empty is a ticket: only the honeypot refused it.
        assertThat(web.post("/feedback", web.validForm()).statusCode()).isEqualTo(303);
        assertThat(tickets()).isEqualTo(1);
    }

    @Test
    void doubleClickOrRepostOfTheSameFormGivesOneTicket() throws Exception {
        Multipart form = web.validForm();
        HttpResponse<String> first = web.post("/feedback", form);
        HttpResponse<String> again = web.post("/feedback", form);

        assertThat(tickets()).isEqualTo(1);
        String number = web.intake().text("select number from ticket");
        assertThat(web.follow(first).body()).contains(number);
        assertThat(again.statusCode()).as("the duplicate's answer is a result page of its own too").isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).isNotEqualTo(first.headers().firstValue("Location"));
        assertThat(web.follow(again).body()).contains("Обращение уже принято", number, "ivanova@example.ru");
    }

    @Test
    void invalidPostsWithSomeoneElsesEmailDoNotUseUpTheirAllowance() throws Exception {
        web.close();
        web = new WebFixture(files, new WebForm.Limits(AttachmentPolicy.form(), WebFixture.MAX_REQUEST, 1000, 1, 1000));
        for (int i = 0; i < 10; i++) {
            assertThat(web.post("/feedback", web.validForm().field("subject", "")).statusCode()).isEqualTo(422);
        }

        HttpResponse<String> own = web.post("/feedback", web.validForm());

        assertThat(own.statusCode()).isEqualTo(303);
        assertThat(web.follow(own).body()).contains("Обращение принято");
        assertThat(tickets()).isEqualTo(1);
    }

    @Test
    void repostOfTheSameFormWithAnotherEmailSaysItWasReceivedWithoutTheNumber() throws Exception {
        Multipart form = web.validForm();
        web.post("/feedback", form);
        String number = web.intake().text("select number from ticket");

        HttpResponse<String> again = web.post("/feedback", form.field("email", "stranger@example.ru"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Обращение уже принято").doesNotContain(number, "не позднее");
        assertThat(tickets()).isEqualTo(1);
    }

    @Test
    void tooManyPostsFromOneAddressGetA429PageWithRetryAfter() throws Exception {
        web.close();
        web = new WebFixture(files, new WebForm.Limits(org.supportintake.attachments.policy.AttachmentPolicy.form(),
                WebFixture.MAX_REQUEST, 1, 1000, 1000));
        assertThat(web.post("/feedback", web.validForm()).statusCode()).isEqualTo(303);

        HttpResponse<String> second = web.post("/feedback", web.validForm());

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        assertThat(second.body()).contains("Слишком много обращений", "Попробуйте снова через");
        assertThat(tickets()).isEqualTo(1);
    }

    @Test
    void bodyOverTheTotalLimitIsAnswered413BeforeItIsSent() throws Exception {
        try (Socket socket = new Socket("localhost", web.uri("/").getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /feedback HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: " + 50L * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 413");
        }
        assertThat(tickets()).isZero();
    }

    @Test
    void twoHundredMegabyteUploadWithoutLengthIsCutOffWithinASmallHeap() throws Exception {
        Multipart form = web.validForm();
        try (Socket socket = new Socket("localhost", web.uri("/").getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /feedback HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + form.contentType()
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // A raw socket, not HttpClient: the server may answer and close while the body is still being sent,
            // which HttpClient reports as a broken pipe instead of the answer.
            Thread sender = new Thread(() -> sendChunked(out, form.openFile("attachments", "huge.pdf", "application/pdf"),
                    200L * 1024 * 1024));
            sender.start();
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            socket.shutdownOutput();
            sender.join();
            assertThat(statusLine).isEqualTo("HTTP/1.1 413");
        }
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(100L * 1024 * 1024);
        assertThat(tickets()).isZero();
    }

    /** Sends {@code opening} then up to {@code total} bytes of padding as chunks, until the server stops listening. */
    private static void sendChunked(OutputStream out, byte[] opening, long total) {
        byte[] chunk = new byte[64 * 1024];
        try {
            writeChunk(out, opening, opening.length);
            for (long sent = 0; sent < total; sent += chunk.length) {
                writeChunk(out, chunk, chunk.length);
            }
        } catch (IOException serverStoppedReading) {
            // expected: the server has answered 413 and closed the connection
        }
    }

    private static void writeChunk(OutputStream out, byte[] bytes, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void previousTicketOnTheFormOpensANewTicketWhoeverSendsIt() throws Exception {
        web.post("/feedback", web.validForm());
        String earlier = web.intake().text("select number from ticket");

        HttpResponse<String> owner = web.post("/feedback", web.validForm().field("previousTicket", earlier));
        HttpResponse<String> stranger = web.post("/feedback", web.validForm().field("email", "stranger@example.ru")
                .field("previousTicket", earlier));

        for (HttpResponse<String> answer : List.of(owner, stranger)) {
            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(web.follow(answer).body()).contains("Обращение принято").doesNotContain("добавлено", "вашему обращению")
                    .doesNotContain(earlier);
        }
        assertThat(tickets()).isEqualTo(3);
        assertThat(web.intake().text("select count(*) from ticket where related_ticket = '" + earlier + "'")).isEqualTo("2");
    }
}
