package org.supportintake.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.Map;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.testing.TestDatabases;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

class ServerJarIT {

    @TempDir
    Path workingDir;

    @Test
    void freshStartAnswersHealthWithinThirtySecondsAndCreatesTheDataDirectory() throws Exception {
        try (RunningJar jar = RunningJar.start(workingDir, Map.of())) {
            var health = jar.awaitAnswer("/health", Duration.ofSeconds(30));

            assertThat(health).as("answer within 30 s; log:%n%s", Files.readString(jar.log())).isNotNull();
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"up\"", "H2");
            assertThat(workingDir.resolve("intake-data").resolve("db").resolve("intake.mv.db")).exists();

            sendToDemoMailbox(jar.demoSmtpPort(), "Не приходит код подтверждения",
                    "Добрый день! Код по SMS не приходит уже час.");
            assertThat(demoFolderCount(jar.demoImapPort(), "Processed", Duration.ofSeconds(60)))
                    .as("log:%n%s", Files.readString(jar.log())).isEqualTo(1);
            assertThat(demoFolderCount(jar.demoImapPort(), "INBOX", Duration.ZERO)).isZero();
        }
    }

    private static void sendToDemoMailbox(int port, String subject, String text) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        MimeMessage mail = new MimeMessage(Session.getInstance(properties));
        mail.setFrom("citizen@mail.example.ru");
        mail.setRecipients(Message.RecipientType.TO, "support@localhost");
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        Transport.send(mail);
    }

    /** Messages in a folder of the demo mailbox, waiting up to {@code patience} for at least one. */
    private static int demoFolderCount(int port, String name, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", port, "support@localhost", "support");
        try {
            while (true) {
                Folder folder = store.getFolder(name);
                int count = folder.exists() ? folder.getMessageCount() : 0;
                if (count > 0 || Instant.now().isAfter(deadline)) {
                    return count;
                }
                Thread.sleep(250);
            }
        } finally {
            store.close();
        }
    }

    @Test
    void onPostgresTheClusteredSchedulerPollsTheMailbox() throws Exception {
        var schema = TestDatabases.postgresSchema();
        GreenMail mailbox = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        mailbox.start();
        try {
            mailbox.setUser("support@example.ru", "support@example.ru", "secret");
            String imapUrl = "imap://support%40example.ru:secret@127.0.0.1:" + mailbox.getImap().getPort() + "/INBOX";
            try (RunningJar jar = RunningJar.start(workingDir, Map.of("INTAKE_DB_URL", schema.getJdbcUrl(),
                    "INTAKE_DB_USER", schema.getUsername(), "INTAKE_IMAP_URL", imapUrl, "INTAKE_POLL_INTERVAL", "PT1S",
                    "INTAKE_MAIL_FROM", "support@example.ru"))) {
                var health = jar.awaitAnswer("/health", Duration.ofSeconds(30));
                assertThat(health).as("answer within 30 s; log:%n%s", Files.readString(jar.log())).isNotNull();
                assertThat(health.body()).contains("\"status\":\"up\"", "PostgreSQL");

                MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
                mail.setFrom("citizen@mail.example.ru");
                mail.setSubject("Вопрос по пособию", "UTF-8");
                mail.setText("Когда придёт выплата?", "UTF-8");
                mailbox.getUserManager().getUser("support@example.ru").deliver(mail);

                long tickets = 0;
                for (int attempt = 0; attempt < 120 && tickets == 0; attempt++) {
                    Thread.sleep(250);
                    try (var connection = schema.getConnection(); var rows = connection.createStatement()
                            .executeQuery("select count(*) from ticket")) {
                        rows.next();
                        tickets = rows.getLong(1);
                    }
                }
                assertThat(tickets).as("log:%n%s", Files.readString(jar.log())).isEqualTo(1);
                try (var connection = schema.getConnection(); var rows = connection.createStatement()
                        .executeQuery("select count(*) from qrtz_scheduler_state")) {
                    rows.next();
                    assertThat(rows.getLong(1)).as("a clustered node checked in").isEqualTo(1);
                }
            }
        } finally {
            mailbox.stop();
            TestDatabases.dropPostgresSchema(schema);
        }
    }

    @Test
    void wrongSettingStopsTheStartWithOneLine() throws Exception {
        Path log = workingDir.resolve("bad.log");
        Process bad = RunningJar.command(workingDir, Map.of("INTAKE_PUBLIC_URL", "localhost"), log).start();

        assertThat(bad.waitFor()).isEqualTo(2);
        assertThat(Files.readAllLines(log)).containsExactly(
                "INTAKE_PUBLIC_URL=localhost: expected an absolute http:// or https:// URL");
    }
}
