package org.supportintake.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.testing.TestDatabases;
import org.supportintake.mail.imap.MailboxStatus;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

class HealthServletTest {

    private static final Instant POLLED = Instant.parse("2026-11-23T09:00:00Z");

    private final AtomicReference<List<MailboxStatus>> mailboxes = new AtomicReference<>(List.of());
    private final HttpClient client = HttpClient.newHttpClient();
    private HikariDataSource dataSource;
    private HttpServer server;

    @BeforeEach
    void start() {
        dataSource = TestDatabases.h2();
        server = new HttpServer(0, Map.of("/health", new HealthServlet(dataSource, mailboxes::get)), List.of()).start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        dataSource.close();
    }

    private HttpResponse<String> health() throws Exception {
        return health(server);
    }

    private HttpResponse<String> health(HttpServer answering) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + answering.port() + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void mailboxThatPollsIsReportedWithItsLastPollAndSetAsideCount() throws Exception {
        mailboxes.set(List.of(new MailboxStatus("support@localhost/INBOX", Optional.of(POLLED), 0, 2)));

        HttpResponse<String> health = health();

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{\"status\":\"up\",").endsWith(",\"mailboxes\":[{\"mailbox\":"
                + "\"support@localhost/INBOX\",\"status\":\"up\",\"lastSuccessfulPoll\":\"2026-11-23T09:00:00Z\","
                + "\"consecutiveFailures\":0,\"setAside\":2}]}");
    }

    @Test
    void mailboxFailingThreePollsInARowMakesTheServiceDegradedButStillAnswers200() throws Exception {
        mailboxes.set(List.of(new MailboxStatus("support@localhost/INBOX", Optional.of(POLLED), 0, 0),
                new MailboxStatus("help@localhost/INBOX", Optional.empty(), MailboxStatus.DEGRADED_AFTER, 0)));

        HttpResponse<String> health = health();

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{\"status\":\"degraded\",")
                .contains("{\"mailbox\":\"help@localhost/INBOX\",\"status\":\"degraded\",\"lastSuccessfulPoll\":null,"
                        + "\"consecutiveFailures\":3,\"setAside\":0}");
    }

    /**
     * Asked every 100 ms, the probe hands its connection back faster than the pool re-tests it (500 ms); a connection
     * broken by the database's restart must leave the pool, or the probe would report "down" for ever.
     */
    @Test
    void upAgainAfterTheDatabaseRestartsWhileProbedEvery100Milliseconds(@TempDir Path databaseDir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String[] serverArguments = {"-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir", databaseDir.toString()};
        Server database = Server.createTcpServer(serverArguments).start();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:h2:tcp://127.0.0.1:" + port + "/health");
        pool.setMaximumPoolSize(2);
        try (HikariDataSource remote = new HikariDataSource(pool);
             HttpServer probed = new HttpServer(0, Map.of("/health", new HealthServlet(remote, List::of)), List.of())
                     .start()) {
            assertThat(health(probed).statusCode()).isEqualTo(200);

            database.stop();
            for (int probe = 0; probe < 5; probe++) {
                assertThat(health(probed).statusCode()).isEqualTo(503);
                Thread.sleep(100);
            }
            database = Server.createTcpServer(serverArguments).start();

            Instant deadline = Instant.now().plusSeconds(20);
            HttpResponse<String> health = health(probed);
            while (health.statusCode() != 200) {
                assertThat(Instant.now()).as("still %s after the restart", health.body()).isBefore(deadline);
                Thread.sleep(100);
                health = health(probed);
            }
            assertThat(health.body()).startsWith("{\"status\":\"up\",\"database\":{\"status\":\"up\",");
        } finally {
            database.stop();
        }
    }

    @Test
    void twoFailedPollsAreNotYetDegraded() throws Exception {
        mailboxes.set(List.of(new MailboxStatus("help@localhost/INBOX", Optional.of(POLLED), 2, 0)));

        assertThat(health().body()).startsWith("{\"status\":\"up\",");
    }
}
