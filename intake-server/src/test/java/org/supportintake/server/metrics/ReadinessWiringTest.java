package org.supportintake.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;
import org.supportintake.server.wiring.IntakeApplication;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * {@code /health/ready} and the mailbox lag against parts that really fail: the database is an H2 server over TCP
 * that is stopped and started again, the mailbox a GreenMail server that is stopped, the file store a staging
 * directory that is replaced by a plain file (so a mail cannot be taken and waits in the inbox).
 */
class ReadinessWiringTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dataDir;
    @TempDir
    Path databaseDir;

    private final HttpClient client = HttpClient.newHttpClient();
    private int databasePort;
    private Server database;
    private IntakeApplication application;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            databasePort = socket.getLocalPort();
        }
        database = databaseServer();
        greenMail.setUser("support@localhost", "support@localhost", "secret");
        Map<Setting, String> settings = Map.of(Setting.HTTP_PORT, "0", Setting.DATA_DIR, dataDir.toString(),
                Setting.DB_URL, "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/intake;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                Setting.IMAP_URL, "imap://support%40localhost:secret@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX",
                Setting.SMTP_URL, "smtp://127.0.0.1:" + greenMail.getSmtp().getPort(), Setting.POLL_INTERVAL, "PT1S");
        application = IntakeApplication.start(IntakeConfig.of(setting -> Optional.ofNullable(settings.get(setting))));
    }

    private Server databaseServer() throws Exception {
        return Server.createTcpServer("-tcpPort", Integer.toString(databasePort), "-ifNotExists", "-baseDir",
                databaseDir.toString()).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (!database.isRunning(false)) {
            database = databaseServer();
        }
        application.close();
        database.stop();
    }

    @Test
    void readyIsUnavailableWhileTheDatabaseIsDownOrAMailboxUnreachable() throws Exception {
        HttpResponse<String> ready = ready(200);
        assertThat(ready.body()).contains("\"ready\":true", "\"scheduler\":{\"status\":\"up\"}");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);

        assertThat(Scrape.of(application.httpPort()).sum("intake_database_up")).isEqualTo(1);
        database.stop();
        HttpResponse<String> databaseDown = ready(503);
        Scrape.until(application.httpPort(), "intake_database_up", up -> up == 0);
        assertThat(databaseDown.body()).contains("\"ready\":false", "\"database\":{\"status\":\"down\"}");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);

        database = databaseServer();
        ready(200);
        Scrape.until(application.httpPort(), "intake_database_up", up -> up == 1);

        greenMail.stop();
        HttpResponse<String> mailboxDown = ready(503);
        assertThat(mailboxDown.body()).contains("\"ready\":false", "\"database\":{\"status\":\"up\"")
                .containsPattern("\"consecutiveFailures\":[1-9]");
    }

    @Test
    void mailboxLagGrowsWhileAMailWaitsAndFallsToZeroOnceItIsTaken() throws Exception {
        int port = application.httpPort();
        Scrape.until(port, "intake_mailbox_poll_seconds_count", polls -> polls >= 1);
        assertThat(Scrape.of(port).sum("intake_mailbox_lag_seconds")).isZero();
        Path staging = dataDir.resolve("files").resolve("staging");
        Files.delete(staging);
        Files.writeString(staging, "not a directory: the file store cannot take the mail");

        greenMail.getUserManager().getUser("support@localhost").deliver(new MimeMessage(Session.getInstance(
                new Properties()), new ByteArrayInputStream(("Message-ID: <waiting@mail.example.ru>\r\n"
                + "From: waiting@mail.example.ru\r\nTo: support@localhost\r\nSubject: wait\r\n\r\nПодожду.\r\n")
                .getBytes(StandardCharsets.UTF_8))));
        Scrape.until(port, "intake_mailbox_lag_seconds", lag -> lag >= 2);
        assertThat(ready(503).body()).containsPattern("\"consecutiveFailures\":[1-9]");

        Files.delete(staging);
        Files.createDirectory(staging);
        Scrape.until(port, "intake_mailbox_lag_seconds", lag -> lag == 0);
        Scrape.until(port, "intake_submissions_total", n -> n == 1, "channel=\"email\"", "outcome=\"created\"");
        ready(200);
    }

    /** Asks {@code /health/ready} until it answers {@code status}, for up to 40 s. */
    private HttpResponse<String> ready(int status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(40);
        Predicate<HttpResponse<String>> wanted = response -> response.statusCode() == status;
        HttpResponse<String> response = get("/health/ready");
        while (!wanted.test(response)) {
            assertThat(Instant.now()).as("/health/ready %s, last %s", status, response.body()).isBefore(deadline);
            Thread.sleep(200);
            response = get("/health/ready");
        }
        return response;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + application.httpPort() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
