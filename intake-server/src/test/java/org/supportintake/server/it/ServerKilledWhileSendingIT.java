package org.supportintake.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.jdbc.Database;
import org.supportintake.server.testing.ApiSubmission;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A node killed with -9 while the mail server holds an acknowledgement's end of DATA unanswered: after a restart on
 * the same data directory, the mail in flight is sent again once its claim's lease has run out, with the Message-ID
 * of its outbox row, once; a mail the first server had answered is not sent again.
 */
class ServerKilledWhileSendingIT {

    /**
     * Not the standard five minutes, so the test is short (the server reads it from INTAKE_OUTBOX_LEASE); longer than
     * a restart takes, so a mail sent again before its lease ran out would show.
     */
    private static final Duration LEASE = Duration.ofSeconds(15);

    @TempDir
    Path workingDir;

    @Test
    void mailInFlightAtKillIsSentAgainAfterTheLeaseWithItsMessageIdOnceAndNothingElseTwice() throws Exception {
        GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        try (HeldSmtpServer held = new HeldSmtpServer(1)) {
            mail.setUser("support@example.ru", "support@example.ru", "secret");
            Map<String, String> env = new HashMap<>(Map.of(
                    "INTAKE_DATA_DIR", workingDir.resolve("data").toString(),
                    "INTAKE_IMAP_URL", "imap://support%40example.ru:secret@127.0.0.1:" + mail.getImap().getPort() + "/INBOX",
                    "INTAKE_MAIL_FROM", "support@example.ru",
                    "INTAKE_OUTBOX_LEASE", LEASE.toString()));

            env.put("INTAKE_SMTP_URL", held.url());
            Instant killedAt;
            try (RunningJar first = started(env)) {
                postForm(first, "first@mail.example.ru");
                held.await(HeldSmtpServer.Received::answered, Duration.ofSeconds(20));
                postForm(first, "second@mail.example.ru");
                held.await(message -> !message.answered(), Duration.ofSeconds(20));
                postForm(first, "third@mail.example.ru");
                // killed at once: H2 writes every commit to its file (WRITE_DELAY=0), so nothing answered is lost
                first.kill();
                killedAt = Instant.now();
            }
            List<HeldSmtpServer.Received> beforeKill = held.received();

            env.put("INTAKE_SMTP_URL", "smtp://127.0.0.1:" + mail.getSmtp().getPort());
            Map<String, Instant> arrivals;
            try (Arrivals watch = new Arrivals(mail); RunningJar second = started(env)) {
                watch.await(2, Duration.ofSeconds(60));
                Thread.sleep(LEASE.plusSeconds(1).toMillis()); // a scheduled run (every 15 s) would send a second copy
                assertThat(mail.getReceivedMessages()).as("log:%n%s", Files.readString(second.log())).hasSize(2);
                arrivals = watch.firstSeen();
            }

            Map<String, String> outbox = outboxMessageIdsByRecipient(workingDir.resolve("data"));
            assertThat(outbox).containsOnlyKeys("first@mail.example.ru", "second@mail.example.ru", "third@mail.example.ru");
            HeldSmtpServer.Received answered = beforeKill.get(0);
            HeldSmtpServer.Received inFlight = beforeKill.get(1);
            assertThat(answered.answered()).isTrue();
            assertThat(answered.messageId()).isEqualTo(outbox.get("first@mail.example.ru"));
            assertThat(inFlight.answered()).isFalse();
            assertThat(inFlight.messageId()).isEqualTo(outbox.get("second@mail.example.ru"));
            assertThat(arrivals).as("after the restart: the mail in flight again, the third once, the first never")
                    .containsOnlyKeys(outbox.get("second@mail.example.ru"), outbox.get("third@mail.example.ru"));
            assertThat(arrivals.get(inFlight.messageId())).as("sent again only once the claim ran out (killed at %s)",
                    killedAt).isAfterOrEqualTo(inFlight.connectedAt().plus(LEASE).minusSeconds(1));
            assertThat(beforeKill).as("the third was either never tried or held as well, never answered")
                    .hasSizeBetween(2, 3).noneMatch(message -> message != answered && message.answered());
        } finally {
            mail.stop();
        }
    }

    private static RunningJar started(Map<String, String> env) throws Exception {
        RunningJar jar = RunningJar.start(Files.createDirectories(Path.of(env.get("INTAKE_DATA_DIR")).getParent()), env);
        var health = jar.awaitAnswer("/health", Duration.ofSeconds(60));
        assertThat(health).as("answer within 60 s; log:%n%s", Files.readString(jar.log())).isNotNull();
        return jar;
    }

    /** Each mail GreenMail takes, by Message-ID, with the moment it was first seen (looked for every 50 ms). */
    private static final class Arrivals implements AutoCloseable {
        private final Map<String, Instant> firstSeen = new java.util.concurrent.ConcurrentHashMap<>();
        private final Thread watcher;

        Arrivals(GreenMail mail) {
            watcher = new Thread(() -> {
                try {
                    while (true) {
                        for (MimeMessage message : mail.getReceivedMessages()) {
                            firstSeen.putIfAbsent(message.getMessageID(), Instant.now());
                        }
                        Thread.sleep(50);
                    }
                } catch (InterruptedException | jakarta.mail.MessagingException stopped) {
                    // closed
                }
            }, "arrivals");
            watcher.setDaemon(true);
            watcher.start();
        }

        void await(int count, Duration patience) throws InterruptedException {
            Instant deadline = Instant.now().plus(patience);
            while (firstSeen.size() < count && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
        }

        Map<String, Instant> firstSeen() {
            return Map.copyOf(firstSeen);
        }

        @Override
        public void close() {
            watcher.interrupt();
        }
    }

    private static void postForm(RunningJar jar, String email) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                ApiSubmission.post("http://127.0.0.1:" + jar.port(), ApiSubmission.from(email)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** The outbox as the restarted node left it, read from the H2 file once no server holds it. */
    private static Map<String, String> outboxMessageIdsByRecipient(Path dataDir) throws Exception {
        Map<String, String> ids = new HashMap<>();
        List<String> unsent = new ArrayList<>();
        try (var connection = DriverManager.getConnection(Database.h2FileUrl(dataDir.resolve("db")), "sa", "");
             var rows = connection.createStatement().executeQuery("select recipient, message_id, sent_at from outbox")) {
            while (rows.next()) {
                ids.put(rows.getString("recipient"), rows.getString("message_id"));
                if (rows.getTimestamp("sent_at") == null) {
                    unsent.add(rows.getString("recipient"));
                }
            }
        }
        assertThat(unsent).as("rows not marked sent").isEmpty();
        return ids;
    }
}
