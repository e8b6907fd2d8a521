package org.supportintake.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.jdbc.JdbcStaffSessions;
import org.supportintake.core.staff.Role;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.testing.TestDatabases;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Two server processes (the jar) on one PostgreSQL database, one mailbox and one file directory: every mail becomes
 * exactly one ticket and one acknowledgement, also when the node polling the mailbox is killed with -9 mid-poll, and a
 * file taken in by either node downloads from both. bench/cluster.sh measures the same on Dovecot, with figures.
 */
class TwoNodesJarIT {

    private static final Session SESSION = Session.getInstance(new Properties());
    /** Short, so that an acknowledgement in flight at the kill goes again within the test (the default is 5 minutes). */
    private static final String LEASE = "PT5S";

    @TempDir
    Path work;

    private HikariDataSource database;
    private Jdbi jdbi;
    private GreenMail mail;

    @BeforeEach
    void start() {
        database = TestDatabases.postgresSchema();
        Database.migrate(database);
        jdbi = Database.jdbi(database);
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser("support@example.ru", "support@example.ru", "secret");
    }

    @AfterEach
    void stop() {
        mail.stop();
        TestDatabases.dropPostgresSchema(database);
    }

    @Test
    void everyMailIsOneTicketAndOneAcknowledgementWhenThePollingNodeIsKilledAndFilesDownloadFromBoth()
            throws Exception {
        Map<String, String> env = environment();
        RunningJar first = started("a", env);
        List<String> before = instances();
        try (RunningJar second = started("b", env)) {
            String secondInstance = instances().stream().filter(name -> !before.contains(name)).findFirst().orElseThrow();
            fileTakenInByEitherNodeDownloadsFromBoth(first, second);
            deliver(0, 30);
            String polling = awaitExecutingPoll(Duration.ofSeconds(30));
            RunningJar killed = polling.equals(secondInstance) ? second : first;
            RunningJar survivor = killed == first ? second : first;
            killed.kill();
            deliver(30, 40);

            Instant deadline = Instant.now().plusSeconds(90);
            while ((count("select count(*) from ticket") < 41 || acknowledged().size() < 41)
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            Thread.sleep(Duration.parse(LEASE).plusSeconds(1).toMillis()); // a copy sent again after the lease would show

            Map<String, Long> tickets = jdbi.withHandle(h -> h.createQuery("select requester_email from ticket "
                            + "where requester_email like 'citizen-%'")
                    .mapTo(String.class).list()).stream().collect(Collectors.groupingBy(Function.identity(),
                    Collectors.counting()));
            assertThat(tickets).as("log of the survivor:%n%s", Files.readString(survivor.log())).hasSize(40)
                    .allSatisfy((sender, n) -> assertThat(n).as(sender).isEqualTo(1));
            Map<String, Long> acks = acknowledged();
            assertThat(acks).hasSize(41); // and the mail with the file
            assertThat(acks.values().stream().filter(n -> n > 1).count())
                    .as("sent twice: at most the one acknowledgement in flight at the kill").isLessThanOrEqualTo(1);
        } finally {
            first.close();
        }
    }

    /** A mail with a file, taken in by whichever node polls: its file downloads from both. */
    private void fileTakenInByEitherNodeDownloadsFromBoth(RunningJar first, RunningJar second) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xC0FFEE);
        ImageIO.write(image, "png", png);
        MimeMessage message = mail("file@mail.example.ru", "Снимок экрана");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Ошибка на снимке экрана во вложении.", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(png.toByteArray(), "image/png")));
        file.setFileName("screen.png");
        message.setContent(new MimeMultipart(text, file));
        mail.getUserManager().getUser("support@example.ru").deliver(message);

        Instant deadline = Instant.now().plusSeconds(30);
        while (count("select count(*) from attachment where verdict = 'accepted'") == 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        long id = count("select id from attachment where verdict = 'accepted'");
        String cookie = staffSession();

        for (RunningJar node : List.of(first, second)) {
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + node.port() + "/staff/files/" + id))
                    .header("Cookie", "staff_session=" + cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(png.toByteArray());
        }
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("INTAKE_DB_URL", database.getJdbcUrl());
        env.put("INTAKE_DB_USER", database.getUsername());
        env.put("INTAKE_DATA_DIR", work.resolve("shared").toString());
        env.put("INTAKE_IMAP_URL", "imap://support%40example.ru:secret@127.0.0.1:" + mail.getImap().getPort() + "/INBOX");
        env.put("INTAKE_SMTP_URL", "smtp://127.0.0.1:" + mail.getSmtp().getPort());
        env.put("INTAKE_MAIL_FROM", "support@example.ru");
        env.put("INTAKE_POLL_INTERVAL", "PT2S");
        env.put("INTAKE_OUTBOX_LEASE", LEASE);
        return env;
    }

    private RunningJar started(String name, Map<String, String> env) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        RunningJar jar = RunningJar.start(dir, env);
        HttpResponse<String> health = jar.awaitAnswer("/health", Duration.ofSeconds(60));
        assertThat(health).as("node %s started; log:%n%s", name, Files.readString(jar.log())).isNotNull();
        return jar;
    }

    private void deliver(int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            MimeMessage message = mail("citizen-" + i + "@mail.example.ru", "Не могу записаться на приём " + i);
            message.setText("Третий день не могу записаться на приём через портал. Прошу помочь.", "UTF-8");
            mail.getUserManager().getUser("support@example.ru").deliver(message);
        }
    }

    private static MimeMessage mail(String from, String subject) throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, "support@example.ru");
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new java.util.Date());
        return message;
    }

    /** The Quartz instance running a poll of the mailbox, as soon as one is. */
    private String awaitExecutingPoll(Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            List<String> executing = jdbi.withHandle(h -> h.createQuery("select instance_name from qrtz_fired_triggers "
                    + "where job_group = 'mail' and state = 'EXECUTING'").mapTo(String.class).list());
            if (!executing.isEmpty()) {
                return executing.get(0);
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no poll of the mailbox executing within " + limit);
    }

    private List<String> instances() {
        return jdbi.withHandle(h -> h.createQuery("select instance_name from qrtz_scheduler_state")
                .mapTo(String.class).list());
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).findOne().orElse(0L));
    }

    /** Acknowledgements received by the SMTP server, by recipient. */
    private Map<String, Long> acknowledged() throws Exception {
        Map<String, Long> byRecipient = new HashMap<>();
        for (MimeMessage received : mail.getReceivedMessages()) {
            for (var to : received.getAllRecipients()) {
                String address = ((InternetAddress) to).getAddress();
                if (!address.equals("support@example.ru")) {
                    byRecipient.merge(address, 1L, Long::sum);
                }
            }
        }
        return byRecipient;
    }

    private String staffSession() {
        long account = jdbi.withHandle(h -> h.createUpdate("insert into staff_account (login, role, password_hash, "
                        + "created_at) values ('operator1', 'operator', 'x', :now)")
                .bind("now", OffsetDateTime.now(ZoneOffset.UTC)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new JdbcStaffSessions(jdbi, Clock.systemUTC(), Duration.ofMinutes(30))
                .open(new StaffMember(account, "operator1", Role.OPERATOR));
    }
}
