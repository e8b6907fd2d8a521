package org.supportintake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.attachments.testing.RawZip;
import org.supportintake.attachments.testing.TestFiles;
import org.supportintake.core.ticket.TicketNumber;

import com.fasterxml.jackson.databind.ObjectMapper;

class SubmissionsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path files;

    private WebFixture web;

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    private WebFixture start(WebForm.Limits limits) throws Exception {
        web = new WebFixture(files, limits);
        return web;
    }

    private static Multipart valid() {
        return new Multipart()
                .field("fullName", "Петров Пётр").field("email", "petrov@example.ru").field("phone", "+79123456789")
                .field("category", "service_error").field("subject", "Ошибка при оплате")
                .field("description", "При оплате пошлины списались деньги, а статус не изменился.")
                .field("consent", "true");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return JSON.readValue(response.body(), Map.class);
    }

    @Test
    void validSubmissionIsCreatedWithNumberDueTimeAndNoRejectedFiles() throws Exception {
        HttpResponse<String> answer = start(WebFixture.generous()).post("/api/v1/submissions",
                valid().file("attachments", "scan.pdf", "application/pdf", TestFiles.pdf()));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        Map<String, Object> body = json(answer);
        assertThat(body.keySet()).containsExactly("ticketNumber", "dueAt", "rejectedAttachments");
        assertThat(body.get("ticketNumber")).isEqualTo(web.intake().text("select number from ticket"));
        assertThat((String) body.get("dueAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")
                .isEqualTo(web.intake().instant("select due_at from ticket").toString());
        assertThat(body.get("rejectedAttachments")).isEqualTo(List.of());
    }

    /** How an old Russian script sends its text: in windows-1251, naming it for the part, for the body, or not at all. */
    @ParameterizedTest
    @ValueSource(strings = {"unnamed", "part", "body"})
    void textSentInWindows1251IsStoredAsWrittenNotAsReplacementCharacters(String where) throws Exception {
        java.nio.charset.Charset cp1251 = java.nio.charset.Charset.forName("windows-1251");
        String partType = where.equals("part") ? "text/plain; charset=windows-1251" : null;
        Multipart form = valid().field("fullName", "Щукина Алёна".getBytes(cp1251), partType)
                .field("description", "Не приходит ответ на заявление, прошёл уже месяц.".getBytes(cp1251), partType);
        if (where.equals("body")) {
            form.charset("windows-1251");
        }

        HttpResponse<String> answer = start(WebFixture.generous()).post("/api/v1/submissions", form);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(web.intake().text("select requester_name from ticket")).isEqualTo("Щукина Алёна");
        assertThat(web.intake().text("select body from message"))
                .isEqualTo("Не приходит ответ на заявление, прошёл уже месяц.");
    }

    /** «й» and «ё» decomposed (a letter and a combining mark), as text copied from a macOS file name comes. */
    @Test
    void decomposedLettersAreStoredComposedAndCountedAsOneCharacterEach() throws Exception {
        String subject = "й".repeat(200);
        HttpResponse<String> answer = start(WebFixture.generous()).post("/api/v1/submissions", valid()
                .field("fullName", java.text.Normalizer.normalize("Йошкина Алёна", java.text.Normalizer.Form.NFD))
                .field("subject", java.text.Normalizer.normalize(subject, java.text.Normalizer.Form.NFD)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(web.intake().text("select requester_name from ticket")).isEqualTo("Йошкина Алёна");
        assertThat(web.intake().text("select title from ticket")).isEqualTo(subject);
    }

    @Test
    void textInUtf8WithAByteOrderMarkIsTheTextWithoutIt() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] name = "Щукина Алёна".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sent = java.nio.ByteBuffer.allocate(bom.length + name.length).put(bom).put(name).array();

        HttpResponse<String> answer = start(WebFixture.generous()).post("/api/v1/submissions",
                valid().field("fullName", sent, "text/plain; charset=UTF-8"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(web.intake().text("select requester_name from ticket")).isEqualTo("Щукина Алёна");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "windows-1251"})
    void aCyrillicFileNameIsKeptWhetherSentAsUtf8OrAsAnOldClientsWindows1251(String charset) throws Exception {
        HttpResponse<String> answer = start(WebFixture.generous()).post("/api/v1/submissions", valid()
                .file("attachments", "Скан паспорта.pdf", java.nio.charset.Charset.forName(charset), "application/pdf",
                        TestFiles.pdf()));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(web.intake().text("select name from attachment")).isEqualTo("Скан паспорта.pdf");
    }

    @Test
    void aQuoteInAFileNameThatTheBrowserSentAsPercent22IsKeptAsAQuote() throws Exception {
        HttpResponse<String> answer = start(WebFixture.generous()).post("/api/v1/submissions",
                valid().file("attachments", "Договор %22Ромашка%22.pdf", "application/pdf", TestFiles.pdf()));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(web.intake().text("select name from attachment")).isEqualTo("Договор \"Ромашка\".pdf");
    }

    @Test
    void fileInputWithNoFileChosenAsBrowsersSendItIsNoFileAndNoError() throws Exception {
        HttpResponse<String> answer = start(WebFixture.generous()).post("/api/v1/submissions",
                valid().file("attachments", "", "application/octet-stream", new byte[0]));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(web.intake().rows("attachment")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void fileWithBytesButABlankNameIsJudgedUnderAFallbackNameNotDroppedUnseen(String blank) throws Exception {
        HttpResponse<String> accepted = start(WebFixture.generous()).post("/api/v1/submissions",
                valid().file("attachments", blank, "application/pdf", TestFiles.pdf()));
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(web.intake().text("select name from attachment")).isEqualTo("file");

        HttpResponse<String> refused = web.post("/api/v1/submissions",
                valid().field("email", "other@example.ru").file("attachments", blank, "application/pdf", TestFiles.pe()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"code\":\"attachments.content_mismatch\"", "«file»");
    }

    @Test
    void invalidSubmissionIs422WithEveryViolation() throws Exception {
        HttpResponse<String> answer = start(WebFixture.generous()).post("/api/v1/submissions",
                valid().field("subject", "").field("email", "not-an-address")
                        .file("attachments", "virus.pdf", "application/pdf", TestFiles.pe()));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).isEqualTo("{\"violations\":["
                + "{\"field\":\"email\",\"code\":\"email.invalid\",\"message\":\"Адрес электронной почты указан неверно. Пример: ivanov@mail.ru\"},"
                + "{\"field\":\"subject\",\"code\":\"subject.missing\",\"message\":\"Кратко опишите суть обращения.\"},"
                + "{\"field\":\"attachments\",\"code\":\"attachments.content_mismatch\",\"message\":\"Файл «virus.pdf» — его содержимое не соответствует имени или типу файла.\"}]}");
        assertThat(web.intake().rows("ticket")).isZero();
    }

    @Test
    void pageWithPdfMagicNamedHtaIs422TypeNotAllowedAndStoresNothing() throws Exception {
        byte[] page = "%PDF-1.4\n<html><script>alert(1)</script></html>\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> answer = start(WebFixture.generous()).post("/api/v1/submissions",
                valid().file("attachments", "run.hta", "application/pdf", page));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).isEqualTo("{\"violations\":[{\"field\":\"attachments\",\"code\":\"attachments.type_not_allowed\","
                + "\"message\":\"Файл «run.hta» — такой тип файлов не принимается. Можно приложить PDF, JPEG, PNG или DOCX.\"}]}");
        assertThat(web.intake().rows("ticket")).isZero();
    }

    @Test
    void docxWhoseDirectoryListsAProgramHiddenInAnotherPartIs422ArchiveCorrupt() throws Exception {
        RawZip docx = new RawZip();
        TestFiles.wordParts(TestFiles.WORD_MAIN_PART).forEach(docx::entry);
        docx.hiding("word/media/pad.bin", "word/embeddings/payload.exe", TestFiles.pe());
        HttpResponse<String> answer = start(WebFixture.generous()).post("/api/v1/submissions",
                valid().file("attachments", "договор.docx", "application/octet-stream", docx.bytes()));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("\"code\":\"attachments.archive_corrupt\"");
        assertThat(web.intake().rows("ticket")).isZero();
    }

    @Test
    void sameSubmissionTokenTwiceGivesOneTicketWithOneDueTimeInWholeSeconds() throws Exception {
        String token = UUID.randomUUID().toString();
        start(WebFixture.generous());
        HttpResponse<String> first = web.post("/api/v1/submissions", valid().field("submissionToken", token));
        HttpResponse<String> again = web.post("/api/v1/submissions", valid().field("submissionToken", token));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("ticketNumber")).isEqualTo(json(first).get("ticketNumber"));
        assertThat(json(again).get("dueAt")).isEqualTo(json(first).get("dueAt"));
        assertThat(Instant.parse((String) json(first).get("dueAt")).getNano()).isZero();
        assertThat(web.intake().rows("ticket")).isEqualTo(1);
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        start(new WebForm.Limits(AttachmentPolicy.form(), 1024 * 1024, 1000, 1000, 1000));
        HttpResponse<String> answer = web.post("/api/v1/submissions",
                valid().file("attachments", "big.png", "image/png", TestFiles.pngOfSize(2 * 1024 * 1024)));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(json(answer).get("error")).isEqualTo("too_large");
        assertThat(web.intake().rows("ticket")).isZero();
    }

    @Test
    void bodyThatIsNotMultipartIs415() throws Exception {
        start(WebFixture.generous());
        HttpResponse<String> answer = web.client.send(HttpRequest.newBuilder(web.uri("/api/v1/submissions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(415);
    }

    @Test
    void tooManySubmissionsFromOneAddressAre429WithRetryAfter() throws Exception {
        start(new WebForm.Limits(AttachmentPolicy.form(), WebFixture.MAX_REQUEST, 2, 1000, 1000));
        assertThat(web.post("/api/v1/submissions", valid()).statusCode()).isEqualTo(201);
        assertThat(web.post("/api/v1/submissions", valid()).statusCode()).isEqualTo(201);
        HttpResponse<String> third = web.post("/api/v1/submissions", valid());

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        assertThat(web.intake().rows("ticket")).isEqualTo(2);
    }

    @Test
    void tooManySubmissionsForOneEmailAre429() throws Exception {
        start(new WebForm.Limits(AttachmentPolicy.form(), WebFixture.MAX_REQUEST, 1000, 1, 1000));
        assertThat(web.post("/api/v1/submissions", valid()).statusCode()).isEqualTo(201);
        assertThat(web.post("/api/v1/submissions", valid().field("email", "PETROV@example.ru")).statusCode())
                .isEqualTo(429);
        assertThat(web.post("/api/v1/submissions", valid().field("email", "other@example.ru")).statusCode())
                .isEqualTo(201);
    }

    @Test
    void postWithAnotherSitesOriginIsRefused403AndStoresNothing() throws Exception {
        HttpResponse<String> answer = start(WebFixture.generous()).post("/api/v1/submissions", valid(),
                "Origin", "https://evil.example");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(json(answer)).containsEntry("error", "cross_site").containsKey("message");
        assertThat(web.intake().rows("ticket")).isZero();
    }

    @Test
    void postThatTheBrowserMarksCrossSiteIsRefused403() throws Exception {
        HttpResponse<String> answer = start(WebFixture.generous()).post("/api/v1/submissions", valid(),
                "Sec-Fetch-Site", "cross-site");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(json(answer).get("error")).isEqualTo("cross_site");
        assertThat(web.intake().rows("ticket")).isZero();
    }

    @Test
    void serverToServerPostWithoutOriginHeadersIsStillCreated() throws Exception {
        assertThat(start(WebFixture.generous()).post("/api/v1/submissions", valid()).statusCode()).isEqualTo(201);
    }

    @Test
    void postFromOurOwnPageIsStillCreated() throws Exception {
        start(WebFixture.generous());
        HttpResponse<String> answer = web.post("/api/v1/submissions", valid(), "Origin", web.origin());

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(web.intake().rows("ticket")).isEqualTo(1);
    }

    @Test
    void invalidPostsWithSomeoneElsesEmailDoNotUseUpTheirAllowance() throws Exception {
        start(new WebForm.Limits(AttachmentPolicy.form(), WebFixture.MAX_REQUEST, 1000, 1, 1000));
        for (int i = 0; i < 10; i++) {
            assertThat(web.post("/api/v1/submissions", valid().field("subject", "")).statusCode()).isEqualTo(422);
        }

        assertThat(web.post("/api/v1/submissions", valid()).statusCode()).isEqualTo(201);
        assertThat(web.post("/api/v1/submissions", valid()).statusCode()).isEqualTo(429);
    }

    @Test
    void repeatedSubmissionTokenWithAnotherEmailIs409WithoutTheTicketsDetails() throws Exception {
        String token = UUID.randomUUID().toString();
        start(WebFixture.generous());
        HttpResponse<String> first = web.post("/api/v1/submissions", valid().field("submissionToken", token));
        HttpResponse<String> other = web.post("/api/v1/submissions",
                valid().field("submissionToken", token).field("email", "stranger@example.ru"));
        HttpResponse<String> sameInOtherCase = web.post("/api/v1/submissions",
                valid().field("submissionToken", token).field("email", "Petrov@Example.RU"));

        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(json(other).keySet()).containsExactlyInAnyOrder("error", "message");
        assertThat(json(other).get("error")).isEqualTo("duplicate_submission");
        assertThat(other.body()).doesNotContain((String) json(first).get("ticketNumber"), (String) json(first).get("dueAt"));
        assertThat(sameInOtherCase.statusCode()).isEqualTo(200);
        assertThat(json(sameInOtherCase).get("ticketNumber")).isEqualTo(json(first).get("ticketNumber"));
        assertThat(web.intake().rows("ticket")).isEqualTo(1);
    }

    @Test
    void previousTicketGetsTheSameAnswerFromTheOwnerAStrangerAndForAnUnknownNumber() throws Exception {
        start(WebFixture.generous());
        String earlier = (String) json(web.post("/api/v1/submissions", valid())).get("ticketNumber");
        web.intake().jdbi().useHandle(h -> h.execute("update ticket set status = 'waiting_for_citizen'"));

        List<HttpResponse<String>> answers = List.of(
                web.post("/api/v1/submissions", valid().field("previousTicket", earlier).field("subject", "Повторный запрос")),
                web.post("/api/v1/submissions", valid().field("email", "stranger@example.ru").field("previousTicket", earlier)),
                web.post("/api/v1/submissions", valid().field("previousTicket", TicketNumber.of(26, 9_999_999).toString())));

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(201);
            Map<String, Object> body = json(answer);
            assertThat(body.keySet()).containsExactly("ticketNumber", "dueAt", "rejectedAttachments");
            assertThat(body.get("ticketNumber")).isNotEqualTo(earlier);
        }
        assertThat(answers).extracting(answer -> json(answer).get("ticketNumber")).doesNotHaveDuplicates();
        assertThat(web.intake().rows("ticket")).isEqualTo(4);
        assertThat(web.intake().text("select status || ' ' || repeat_request from ticket where number = '" + earlier + "'"))
                .isEqualToIgnoringCase("waiting_for_citizen false");
        assertThat(web.intake().text("select count(*) from message m join ticket t on t.id = m.ticket_id where t.number = '"
                + earlier + "'")).isEqualTo("1");
    }
}
