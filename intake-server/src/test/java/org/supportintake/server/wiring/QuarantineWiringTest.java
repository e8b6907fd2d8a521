package org.supportintake.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.jdbc.JdbcStaffSessions;
import org.supportintake.core.staff.Role;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/** The server as wired: a poison mail polled from IMAP lands in the quarantine, and its page replays it through mail-poller. */
class QuarantineWiringTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dataDir;

    private IntakeApplication application;
    private IntakeConfig config;

    @BeforeEach
    void start() {
        greenMail.setUser("support@localhost", "support@localhost", "secret");
        Map<Setting, String> settings = Map.of(Setting.HTTP_PORT, "0", Setting.DATA_DIR, dataDir.toString(),
                Setting.IMAP_URL, "imap://support%40localhost:secret@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX",
                Setting.SMTP_URL, "smtp://127.0.0.1:" + greenMail.getSmtp().getPort(), Setting.POLL_INTERVAL, "PT1S");
        config = IntakeConfig.of(setting -> Optional.ofNullable(settings.get(setting)));
        application = IntakeApplication.start(config);
    }

    @AfterEach
    void stop() throws Exception {
        application.close();
    }

    @Test
    void aPoisonMailIsSetAsideAndReplayedFromItsPage() throws Exception {
        StringBuilder deep = new StringBuilder("Message-ID: <deep@mail.example.ru>\r\nFrom: poison@mail.example.ru\r\n"
                + "To: support@localhost\r\nSubject: deep\r\nContent-Type: message/rfc822\r\n\r\n");
        for (int level = 0; level < 50; level++) {
            deep.append("Subject: level ").append(level).append("\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        deep.append("Subject: innermost\r\n\r\nbody\r\n");
        greenMail.getUserManager().getUser("support@localhost").deliver(new MimeMessage(
                Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(deep.toString().getBytes())));
        Jdbi jdbi = Jdbi.create(config.dbUrl(), config.dbUser(), config.dbPassword());
        Instant deadline = Instant.now().plusSeconds(30);
        while (jdbi.withHandle(h -> h.createQuery("select count(*) from set_aside_mail").mapTo(Long.class).one()) == 0) {
            assertThat(Instant.now()).as("set aside within 30 s").isBefore(deadline);
            Thread.sleep(100);
        }
        long id = jdbi.withHandle(h -> h.createQuery("select id from set_aside_mail").mapTo(Long.class).one());
        long account = jdbi.withHandle(h -> h.createUpdate("insert into staff_account (login, role, password_hash, "
                        + "created_at) values ('operator1', 'operator', 'x', :now)")
                .bind("now", OffsetDateTime.now(ZoneOffset.UTC)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        JdbcStaffSessions sessions = new JdbcStaffSessions(jdbi, Clock.systemUTC(), Duration.ofMinutes(30));
        String cookie = sessions.open(new StaffMember(account, "operator1", Role.OPERATOR));
        String csrf = sessions.resume(cookie).orElseThrow().csrfToken();
        HttpClient client = HttpClient.newHttpClient();
        URI base = URI.create("http://localhost:" + application.httpPort());

        HttpResponse<String> page = client.send(HttpRequest.newBuilder(base.resolve("/staff/failed/" + id))
                .header("Cookie", "staff_session=" + cookie).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> replay = client.send(HttpRequest.newBuilder(base.resolve("/staff/failed/" + id + "/replay"))
                .header("Cookie", "staff_session=" + cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("poison@mail.example.ru", "Subject: innermost");
        assertThat(replay.statusCode()).isEqualTo(303);
        String outcome = jdbi.withHandle(h -> h.createQuery("select replay_outcome from set_aside_mail")
                .mapTo(String.class).one());
        assertThat(outcome).startsWith("Снова отложено: MIME parts nested deeper than 20 levels");
    }
}
