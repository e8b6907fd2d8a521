package org.supportintake.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;
import org.supportintake.server.testing.ApiSubmission;
import org.supportintake.server.wiring.IntakeApplication;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The server as wired, scraped over HTTP: each metric of docs/metrics.md is there, and moves when its event happens.
 * The SMTP server is a closed port, so acknowledgements wait in the outbox and finally fail.
 */
class MetricsWiringTest {

    private static final String MAILBOX = "mailbox=\"support@localhost@127.0.0.1:";

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dataDir;

    private final MovableClock clock = new MovableClock();
    private final HttpClient client = HttpClient.newHttpClient();
    private IntakeApplication application;
    private IntakeConfig config;

    private void start(Map<Setting, String> extra) throws Exception {
        greenMail.setUser("support@localhost", "support@localhost", "secret");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<Setting, String> settings = new HashMap<>(Map.of(Setting.HTTP_PORT, "0", Setting.DATA_DIR, dataDir.toString(),
                Setting.IMAP_URL, "imap://support%40localhost:secret@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX",
                Setting.SMTP_URL, "smtp://127.0.0.1:" + closedPort, Setting.POLL_INTERVAL, "PT1S"));
        settings.putAll(extra);
        config = IntakeConfig.of(setting -> Optional.ofNullable(settings.get(setting)));
        application = IntakeApplication.start(config, clock);
    }

    @AfterEach
    void stop() throws Exception {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void everyMetricIsScrapedAndMovesWithItsEvent() throws Exception {
        start(Map.of());
        int port = application.httpPort();
        Scrape first = Scrape.until(port, "intake_mailbox_poll_seconds_count", polls -> polls >= 1);
        for (String series : new String[] {"intake_submissions_total", "intake_mailbox_lag_seconds",
                "intake_mailbox_consecutive_failures", "intake_mail_set_aside_total", "intake_outbox_pending",
                "intake_outbox_failed", "intake_outbox_oldest_pending_age_seconds", "intake_smtp_send_seconds_count",
                "intake_tickets_overdue", "intake_tickets_at_risk", "intake_database_up", "intake_scheduler_misfires_total",
                "intake_job_seconds_count", "jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads",
                "process_uptime_seconds", "hikaricp_connections_active", "hikaricp_connections_acquire_seconds_count"}) {
            assertThat(first.has(series)).as(series).isTrue();
        }
        assertThat(first.sum("intake_submissions_total")).isZero();
        assertThat(first.sum("intake_outbox_pending")).isZero();
        assertThat(first.sum("intake_mailbox_lag_seconds")).isZero();
        assertThat(first.sum("intake_mailbox_poll_seconds_count", MAILBOX)).isPositive();
        double acquired = first.sum("hikaricp_connections_acquire_seconds_count");

        // a mail taken in: a ticket, its stages timed, its acknowledgement pending (the SMTP server is down)
        deliver("Message-ID: <citizen-1@mail.example.ru>\r\nFrom: Иван <ivan@mail.example.ru>\r\nTo: support@localhost\r\n"
                + "Subject: =?UTF-8?B?0J3QtSDRgNCw0LHQvtGC0LDQtdGC?=\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Добрый день! Не работает вход в личный кабинет.\r\n");
        Scrape mail = Scrape.until(port, "intake_submissions_total", n -> n == 1, "channel=\"email\"",
                "outcome=\"created\"");
        assertThat(mail.sum("intake_stage_seconds_count", "stage=\"OpenTicket\"")).isEqualTo(1);
        assertThat(mail.sum("intake_stage_seconds_count", "stage=\"ValidateSubmission\"")).isEqualTo(1);
        Scrape.until(port, "intake_smtp_send_seconds_count", n -> n >= 1, "result=\"failed\"");
        Scrape.until(port, "intake_outbox_pending", n -> n == 1);
        Scrape.until(port, "intake_outbox_oldest_pending_age_seconds", age -> age >= 1);

        // a form post
        assertThat(postForm("maria@mail.example.ru").statusCode()).isEqualTo(201);
        Scrape form = Scrape.until(port, "intake_submissions_total", n -> n == 1, "channel=\"form\"",
                "outcome=\"created\"");
        assertThat(form.sum("intake_stage_seconds_count", "stage=\"OpenTicket\"")).isEqualTo(2);
        Scrape.until(port, "intake_outbox_pending", n -> n == 2);

        // a mail set aside
        StringBuilder deep = new StringBuilder("Message-ID: <deep@mail.example.ru>\r\nFrom: poison@mail.example.ru\r\n"
                + "To: support@localhost\r\nSubject: deep\r\nContent-Type: message/rfc822\r\n\r\n");
        for (int level = 0; level < 50; level++) {
            deep.append("Subject: level ").append(level).append("\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        deliver(deep.append("Subject: innermost\r\n\r\nbody\r\n").toString());
        Scrape aside = Scrape.until(port, "intake_mail_set_aside_total", n -> n == 1, MAILBOX);
        assertThat(aside.sum("intake_submissions_total", "channel=\"email\"", "outcome=\"set_aside\"")).isEqualTo(1);

        // HTTP by route template and status: a 404, and a ticket's page without its number in a series
        String number = jdbi().withHandle(h -> h.createQuery("select number from ticket order by id").mapTo(String.class)
                .first());
        assertThat(get("/no-such-page").statusCode()).isEqualTo(404);
        assertThat(get("/staff/tickets/" + number).statusCode()).isIn(302, 303);
        Scrape http = Scrape.until(port, "http_server_requests_seconds_count", n -> n >= 1, "route=\"unmatched\"",
                "status=\"404\"");
        assertThat(http.sum("http_server_requests_seconds_count", "route=\"/staff/tickets/*\"")).isEqualTo(1);
        assertThat(http.sum("http_server_requests_seconds_count", "route=\"/api/v1/submissions\"", "status=\"201\""))
                .isEqualTo(1);
        assertThat(http.text()).doesNotContain(number);
        assertThat(http.sum("hikaricp_connections_acquire_seconds_count")).isGreaterThan(acquired);

        // at risk, then overdue, by the clock; then the acknowledgements give up after 48 hours and fail
        Instant atRisk = jdbi().withHandle(h -> h.createQuery("select max(at_risk_from) from ticket")
                .mapTo(OffsetDateTime.class).one()).toInstant();
        Instant due = jdbi().withHandle(h -> h.createQuery("select max(due_at) from ticket")
                .mapTo(OffsetDateTime.class).one()).toInstant();
        assertThat(Scrape.of(port).sum("intake_tickets_at_risk")).isZero();
        clock.moveTo(atRisk.plusSeconds(1));
        Scrape.until(port, "intake_tickets_at_risk", n -> n >= 1);
        clock.moveTo(due.plusSeconds(60));
        Scrape overdue = Scrape.until(port, "intake_tickets_overdue", n -> n == 2);
        assertThat(overdue.sum("intake_tickets_at_risk")).isZero();
        clock.moveTo(due.plusSeconds(60).plus(java.time.Duration.ofHours(49)));
        Scrape failed = Scrape.until(port, "intake_outbox_failed", n -> n == 2);
        assertThat(failed.sum("intake_outbox_pending")).isZero();
        assertThat(failed.sum("intake_outbox_oldest_pending_age_seconds")).isZero();
    }

    @Test
    void withATokenMetricsAskForItAndTheRestStaysOpen() throws Exception {
        start(Map.of(Setting.METRICS_TOKEN, "s3cret-metrics-token-42"));

        HttpResponse<String> none = get("/metrics");
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/metrics"))
                .header("Authorization", "Bearer s3cret-metrics-token-43"));
        HttpResponse<String> right = send(HttpRequest.newBuilder(uri("/metrics"))
                .header("Authorization", "Bearer s3cret-metrics-token-42"));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
        assertThat(none.body()).doesNotContain("intake_");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain;version=0.0.4"));
        assertThat(right.body()).contains("intake_submissions_total{channel=\"form\",outcome=\"created\"} 0.0");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    private Jdbi jdbi() {
        return Jdbi.create(config.dbUrl(), config.dbUser(), config.dbPassword());
    }

    private void deliver(String raw) throws Exception {
        greenMail.getUserManager().getUser("support@localhost").deliver(new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + application.httpPort() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String email) throws Exception {
        return send(ApiSubmission.post("http://127.0.0.1:" + application.httpPort(), ApiSubmission.from(email)));
    }
}
