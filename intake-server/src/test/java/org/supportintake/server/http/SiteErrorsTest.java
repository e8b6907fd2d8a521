package org.supportintake.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The errors Jetty raises itself, and a servlet that throws, on the real server: the site's page or JSON. */
class SiteErrorsTest {

    private static final String[] INTERNALS = {"Exception", "exception", "Jetty", "jetty", "insert into",
            "ivanova@example.ru", "Caused by", "at org."};

    @TempDir
    Path files;

    private EdgeServer edge;

    @AfterEach
    void stop() throws Exception {
        edge.close();
    }

    /** Fails as a database would, with personal data in the message, after taking the writer or the stream. */
    static final class Failing extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (request.getRequestURI().startsWith("/api/")) {
                response.getOutputStream();
            } else {
                response.getWriter();
            }
            throw new IllegalStateException("insert into ticket (email, phone) values ('ivanova@example.ru', '+79123456789')");
        }
    }

    private void start(boolean https) {
        edge = new EdgeServer(files, new HttpServer.Edge(Duration.ofSeconds(20), 1024, 10, TrustedProxies.none(), https),
                EdgeServer.generous(), Map.of("/fail", new Failing(), "/api/v1/fail", new Failing()));
    }

    private static void assertErrorPage(String answer, int status, String heading) {
        assertThat(EdgeServer.status(answer)).isEqualTo(status);
        assertThat(answer).contains("Content-Security-Policy: ", "Content-Type: text/html");
        assertThat(EdgeServer.body(answer)).contains("<html lang=\"ru\">", "<title>Ошибка: " + heading,
                "<h1>" + heading + "</h1>", "<main id=\"main\">", "<a href=\"/\">").doesNotContain(INTERNALS);
    }

    @Test
    void unknownPathIsA404PageOrJsonUnderApi() throws Exception {
        start(false);

        assertErrorPage(edge.get("127.0.0.1", "/no/such/page"), 404, "Страница не найдена");
        String api = edge.get("127.0.0.1", "/api/v1/nothing");
        assertThat(EdgeServer.status(api)).isEqualTo(404);
        assertThat(EdgeServer.body(api)).startsWith("{\"error\":\"not_found\",\"message\":\"");
    }

    @Test
    void unknownPathUnderApiWrittenEncodedOrWithAParameterIsStillJson() throws Exception {
        start(false);

        for (String path : new String[] {"/%61pi/v1/nothing", "/api;x/v1/nothing", "/./api/v1/nothing"}) {
            String api = edge.send("127.0.0.1", "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(EdgeServer.status(api)).as(path).isEqualTo(404);
            assertThat(EdgeServer.body(api)).as(path).startsWith("{\"error\":\"not_found\",\"message\":\"");
        }
    }

    @Test
    void uriJettyRefusesUnderApiIsA400InJson() throws Exception {
        start(false);

        for (String path : new String[] {"/api/v1/tickets/%2e%2e", "/api//v1/tickets", "/api/v1/tickets/a%2Fb",
                "/api/v1/tickets/%zz", "/api/v1/tickets/%00", "/api/v1/tickets/%c0%af", "/api/v1/tickets/a\\b"}) {
            String api = edge.send("127.0.0.1", "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(EdgeServer.status(api)).as(path).isEqualTo(400);
            assertThat(api).as(path).contains("Content-Type: application/json;charset=utf-8", "Content-Security-Policy: ");
            assertThat(EdgeServer.body(api)).as(path).startsWith("{\"error\":\"bad_request\",\"message\":\"")
                    .doesNotContain(INTERNALS);
        }
        assertErrorPage(edge.send("127.0.0.1", "GET /status/%2e%2e HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                400, "Неверный запрос");
    }

    @Test
    void badUriAndBadHeaderAre400Pages() throws Exception {
        start(false);

        assertErrorPage(edge.send("127.0.0.1", "GET /%zz%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                400, "Неверный запрос");
        assertErrorPage(edge.send("127.0.0.1", "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Bad Header: x\r\n\r\n"), 400, "Неверный запрос");
    }

    @Test
    void servletThatThrowsIsA500WithNothingInternalLoggedOnceByUs() throws Exception {
        start(false);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        try {
            String page = edge.get("127.0.0.1", "/fail");
            assertThat(EdgeServer.status(page)).isEqualTo(500);
            // The servlet had taken the writer in ISO-8859-1: the page comes as character references.
            assertThat(EdgeServer.body(page)).contains("<html lang=\"ru\">", "<main id=\"main\">",
                    "<h1>&#1054;&#1096;&#1080;&#1073;&#1082;&#1072;").doesNotContain(INTERNALS);
            String api = edge.get("127.0.0.1", "/api/v1/fail");
            assertThat(EdgeServer.status(api)).isEqualTo(500);
            assertThat(EdgeServer.body(api)).startsWith("{\"error\":\"internal_error\"").doesNotContain(INTERNALS);
        } finally {
            root.detachAppender(log);
        }
        assertThat(log.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).hasSize(2)
                .allSatisfy(event -> {
                    assertThat(event.getLoggerName()).endsWith("UnexpectedFailures");
                    assertThat(event.getFormattedMessage()).isEqualTo("unexpected failure answering GET "
                            + (event.getFormattedMessage().contains("/api/") ? "/api/v1/fail" : "/fail"));
                });
    }

    @Test
    void traceWithCookieAndAuthorizationIsA405PageEchoingNeither() throws Exception {
        start(false);

        for (String path : new String[] {"/", "/health", "/feedback", "/api/v1/submissions", "/assets/form.css"}) {
            String answer = edge.send("127.0.0.1", "TRACE " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Cookie: intake_csrf=secret-cookie-value\r\nAuthorization: Basic c2VjcmV0LXRva2Vu\r\n\r\n");

            assertThat(EdgeServer.status(answer)).as(path).isEqualTo(405);
            assertThat(answer).as(path).containsPattern("\r\nAllow: (GET, HEAD|POST)\r\n")
                    .doesNotContain("secret-cookie-value", "c2VjcmV0LXRva2Vu", "message/http");
        }
        assertErrorPage(edge.send("127.0.0.1", "TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                405, "Такой запрос не поддерживается");
        assertThat(EdgeServer.status(edge.send("127.0.0.1", "POST /health HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Length: 0\r\n\r\n"))).isEqualTo(405);
    }

    @Test
    void httpsPublicAddressMakesTheCookieSecureAndSendsHsts() throws Exception {
        start(true);

        String page = edge.get("127.0.0.1", "/");
        String notFound = edge.get("127.0.0.1", "/nothing");

        assertThat(page).contains("\r\nStrict-Transport-Security: max-age=31536000\r\n")
                .containsPattern("Set-Cookie: intake_csrf=[0-9a-f]+; Path=/; HttpOnly; SameSite=Strict; Secure\r\n");
        assertThat(notFound).contains("\r\nStrict-Transport-Security: max-age=31536000\r\n");
    }

    @Test
    void httpPublicAddressSendsNeitherHstsNorASecureCookie() throws Exception {
        start(false);

        String page = edge.get("127.0.0.1", "/");

        assertThat(page).doesNotContain("Strict-Transport-Security").contains("Set-Cookie: intake_csrf=")
                .doesNotContain("; Secure");
    }
}
