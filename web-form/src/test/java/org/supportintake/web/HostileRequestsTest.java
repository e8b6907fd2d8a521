package org.supportintake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.attachments.testing.TestFiles;
import org.supportintake.web.form.MultipartForm;
import org.supportintake.web.security.UnexpectedFailures;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** What a hostile or broken client sends: every answer is the site's page or JSON, never a 500 or an internal. */
class HostileRequestsTest {

    private static final String[] INTERNALS = {"Exception", "exception", "at org.", "jetty", "Jetty", "SQL", "insert",
            "Hikari", "Caused by"};

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

    private static void assertErrorPage(String answer, String heading) {
        String page = answer.startsWith("HTTP/") ? answer.substring(answer.indexOf("\r\n\r\n")) : answer;
        assertThat(page).contains("<html lang=\"ru\">", "<title>Ошибка: " + heading, "<h1>" + heading + "</h1>",
                "<main id=\"main\">", "<a href=\"/\">").doesNotContain(INTERNALS);
    }

    private String post(String path, String contentType, byte[] body) throws Exception {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: "
                + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        request.writeBytes(body);
        return web.raw(request.toByteArray());
    }

    @Test
    void nulInATextFieldIsAViolationNotAServerError() throws Exception {
        HttpResponse<String> answer = web.post("/feedback", web.validForm().field("subject", "Не открывается\u0000кабинет"));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).doesNotContain(INTERNALS);
    }

    @Test
    void nulInAFileNameIsNeverAServerError() throws Exception {
        HttpResponse<String> page = web.post("/feedback", web.validForm()
                .file("attachments", "scan\u0000.png", "image/png", TestFiles.png()));
        HttpResponse<String> api = web.post("/api/v1/submissions", web.validForm()
                .file("attachments", "scan\u0000.png", "image/png", TestFiles.png()));

        assertThat(page.statusCode()).isLessThan(500);
        assertThat(page.body()).doesNotContain(INTERNALS).doesNotContain("\u0000");
        assertThat(api.statusCode()).isLessThan(500);
        assertThat(api.body()).doesNotContain(INTERNALS);
    }

    @Test
    void attachmentContentTypeLongerThanItsColumnIsNeverAServerError() throws Exception {
        HttpResponse<String> answer = web.post("/feedback", web.validForm()
                .file("attachments", "scan.png", "image/png; x=" + "a".repeat(300), TestFiles.png()));

        assertThat(answer.statusCode()).isLessThan(500);
        assertThat(answer.body()).doesNotContain(INTERNALS);
    }

    @Test
    void multipartWithoutABoundaryIsA400Page() throws Exception {
        String answer = post("/feedback", "multipart/form-data", "fullName=x".getBytes(StandardCharsets.UTF_8));

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertErrorPage(answer, "Форма пришла повреждённой");
    }

    @Test
    void bodyCutShortInAFieldOrInAFileIsA400NotA500() throws Exception {
        Multipart form = web.validForm().file("attachments", "scan.png", "image/png", TestFiles.png());
        byte[] whole = form.bytes();
        byte[] inFile = Arrays.copyOf(whole, whole.length - 200);
        byte[] inField = Arrays.copyOf(whole, 300);

        String cutInFile = post("/feedback", form.contentType(), inFile);
        String cutInField = post("/api/v1/submissions", form.contentType(), inField);

        assertThat(cutInFile).startsWith("HTTP/1.1 400");
        assertErrorPage(cutInFile, "Форма пришла повреждённой");
        assertThat(cutInField).startsWith("HTTP/1.1 400").contains("{\"error\":\"malformed_form\",\"message\":\"Форма")
                .doesNotContain("Exception");
        assertThat(web.intake().rows("ticket")).isZero();
    }

    @Test
    void brokenChunkBeforeTheFirstBoundaryIsA400NotA500() throws Exception {
        String page = postChunked("/feedback", "zz\r\n");
        String api = postChunked("/api/v1/submissions", "zz\r\n");

        assertThat(page).startsWith("HTTP/1.1 400");
        assertErrorPage(page, "Форма пришла повреждённой");
        assertThat(api).startsWith("HTTP/1.1 400").contains("{\"error\":\"malformed_form\",\"message\":\"Форма");
        assertThat(api.substring(api.indexOf("\r\n\r\n"))).doesNotContain(INTERNALS);
    }

    @Test
    void brokenChunkAfterTheFirstBoundaryIsA400NotAnEmptyForm() throws Exception {
        String page = postChunked("/feedback", "5\r\n--abc\r\nzz\r\n");
        String api = postChunked("/api/v1/submissions", "5\r\n--abc\r\nzz\r\n");

        assertThat(page).startsWith("HTTP/1.1 400");
        assertErrorPage(page, "Форма пришла повреждённой");
        assertThat(api).startsWith("HTTP/1.1 400").contains("{\"error\":\"malformed_form\"")
                .doesNotContain("fullName", "violations");
    }

    @Test
    void bodyWithoutTheDeclaredBoundaryIsA400NotAFormOfMissingFields() throws Exception {
        Multipart form = web.validForm();
        String otherBoundary = "multipart/form-data; boundary=not-the-one-in-the-body";

        String page = post("/feedback", otherBoundary, form.bytes());
        String api = post("/api/v1/submissions", otherBoundary, form.bytes());
        String plain = post("/api/v1/submissions", form.contentType(), "fullName=Иванова".getBytes(StandardCharsets.UTF_8));
        String empty = post("/api/v1/submissions", form.contentType(), new byte[0]);

        assertThat(page).startsWith("HTTP/1.1 400");
        assertErrorPage(page, "Форма пришла повреждённой");
        for (String answer : new String[] {api, plain, empty}) {
            assertThat(answer).startsWith("HTTP/1.1 400").contains("{\"error\":\"malformed_form\"")
                    .doesNotContain("violations", "fullName");
        }
        assertThat(web.intake().rows("ticket")).isZero();
    }

    /** A multipart post whose chunked transfer coding is {@code chunks} as sent, broken or not. */
    private String postChunked(String path, String chunks) throws Exception {
        return web.raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: multipart/form-data; boundary=abc\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);
    }

    @Test
    void urlencodedPostToTheFormIsA415Page() throws Exception {
        String answer = post("/feedback", "application/x-www-form-urlencoded",
                "fullName=%00&email=a%40b.ru".getBytes(StandardCharsets.UTF_8));

        assertThat(answer).startsWith("HTTP/1.1 415");
        assertErrorPage(answer, "Неподдерживаемый формат запроса");
    }

    @Test
    void fortyThousandTinyFieldsAreRefusedAtTheFirstPartOverTheCap() throws Exception {
        Multipart form = new Multipart();
        for (int i = 0; i < 40_000; i++) {
            form.field("f" + i, "x");
        }

        String page = post("/feedback", form.contentType(), form.bytes());
        String api = post("/api/v1/submissions", form.contentType(), form.bytes());

        assertThat(page).startsWith("HTTP/1.1 413");
        assertErrorPage(page, "Слишком много полей");
        assertThat(api).startsWith("HTTP/1.1 413").contains("\"error\":\"too_many_parts\"");
    }

    @Test
    void moreDistinctFieldsThanTheFormCouldHaveAreRefused() throws Exception {
        Multipart form = web.validForm();
        for (int i = 0; i < 25; i++) {
            form.field("extra" + i, "x");
        }

        assertThat(post("/feedback", form.contentType(), form.bytes())).startsWith("HTTP/1.1 413")
                .contains("Слишком много полей");
    }

    @Test
    void tenThousandCharacterFileNameGetsItsOwnAnswerNotTheFileLimits() throws Exception {
        Multipart form = web.validForm().file("attachments", "я".repeat(10_000) + ".png", "image/png", TestFiles.png());

        String page = post("/feedback", form.contentType(), form.bytes());
        String api = post("/api/v1/submissions", form.contentType(), form.bytes());

        assertThat(page).startsWith("HTTP/1.1 413").contains("Имя файла слишком длинное").doesNotContain("до 5 файлов");
        assertErrorPage(page, "Слишком длинное имя файла");
        assertThat(api).startsWith("HTTP/1.1 413").contains("\"error\":\"part_header_too_large\"", "Имя файла слишком длинное")
                .doesNotContain("до 5 файлов");
    }

    @Test
    void twoHundredKilobytePartHeaderGetsThePartHeaderAnswer() throws Exception {
        Multipart form = web.validForm();
        String boundary = form.contentType().substring(form.contentType().indexOf('=') + 1);
        byte[] fields = form.bytes();
        byte[] body = (new String(fields, 0, fields.length - (boundary.length() + 6), StandardCharsets.UTF_8)
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"phone\"\r\nX-Padding: "
                + "p".repeat(200 * 1024) + "\r\n\r\n1\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);

        String answer = post("/api/v1/submissions", form.contentType(), body);

        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"error\":\"part_header_too_large\"")
                .doesNotContain("до 5 файлов");
    }

    @Test
    void traceIsRefused405WithAllowAndEchoesNeitherCookieNorAuthorization() throws Exception {
        for (String path : new String[] {"/", "/status", "/api/v1/submissions", "/no-such-page"}) {
            String answer = web.raw("TRACE " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Cookie: intake_csrf=secret-cookie-value\r\nAuthorization: Bearer secret-token-value\r\n\r\n");

            assertThat(answer).as(path).startsWith("HTTP/1.1 405").containsPattern("\r\nAllow: [A-Z]")
                    .doesNotContain("secret-cookie-value", "secret-token-value", "message/http");
        }
    }

    @Test
    void methodAPathDoesNotServeIs405WithAllowAsThePageOrJson() throws Exception {
        String api = web.raw("GET /api/v1/submissions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String page = web.raw("DELETE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String options = web.raw("OPTIONS /feedback HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(api).startsWith("HTTP/1.1 405").contains("Allow: POST", "{\"error\":\"method_not_allowed\"");
        assertThat(page).startsWith("HTTP/1.1 405").contains("Allow: GET, HEAD");
        assertErrorPage(page, "Такой запрос не поддерживается");
        assertThat(options).startsWith("HTTP/1.1 405").contains("Allow: POST");
    }

    @Test
    void failureNobodyExpectedIsA500PageWithNothingInternalAndIsLoggedOnce() throws Exception {
        ListAppender<ILoggingEvent> log = capture(UnexpectedFailures.class);
        Multipart form = web.validForm();
        web.breakDatabase();

        HttpResponse<String> page = web.post("/feedback", form);
        HttpResponse<String> api = web.post("/api/v1/submissions", form);

        assertThat(page.statusCode()).isEqualTo(500);
        assertErrorPage(page.body(), "Ошибка на сервере");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(api.statusCode()).isEqualTo(500);
        assertThat(api.body()).startsWith("{\"error\":\"internal_error\",\"message\":").doesNotContain(INTERNALS);
        assertThat(log.list).hasSize(2).allSatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy()).isNotNull();
        });
    }

    @Test
    void statusLookupsOverTheLimitAreToldOfLookupsNotSubmissions() throws Exception {
        web.close();
        web = new WebFixture(files, new WebForm.Limits(AttachmentPolicy.form(), WebFixture.MAX_REQUEST, 1000, 1000, 1));
        HttpResponse<String> answer = null;
        for (int i = 0; i < 2; i++) {
            String csrf = WebFixture.hidden(web.get("/status").body(), "csrfToken");
            answer = web.client.send(HttpRequest.newBuilder(web.uri("/status"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf + "&ticketNumber=1&email=a%40b.ru"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.body()).contains("Слишком много проверок статуса", "<title>Ошибка: ")
                .doesNotContain("обращений");
    }

    @Test
    void fileNameWithLineBreaksIsLoggedOnOneLine() throws Exception {
        ListAppender<ILoggingEvent> log = capture(MultipartForm.class);

        web.post("/feedback", web.validForm().file("attachments",
                "report.pdf\r2026-12-02 10:00:00 INFO  staff - admin logged in\n.pdf", "application/pdf", TestFiles.elf()));

        assertThat(log.list).hasSize(1);
        assertThat(log.list.get(0).getFormattedMessage()).contains("report.pdf\\r2026", "logged in\\n.pdf")
                .doesNotContain("\r", "\n");
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> source) {
        Logger logger = (Logger) LoggerFactory.getLogger(source);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }
}
