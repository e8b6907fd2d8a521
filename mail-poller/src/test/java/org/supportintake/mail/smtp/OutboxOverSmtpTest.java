package org.supportintake.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportintake.core.jdbc.JdbcOutboxQueue;
import org.supportintake.core.outbox.OutboxDelivery;
import org.supportintake.core.outbox.RetrySchedule;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.SettableClock;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.testing.TestDatabases;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;

/** The outbox sent through the real SMTP transport to a real mail server that goes away and comes back. */
class OutboxOverSmtpTest {

    private HikariDataSource dataSource;
    private IntakeFixture intake;
    private final SettableClock clock = new SettableClock();

    @BeforeEach
    void freshDatabase() {
        dataSource = TestDatabases.h2();
        intake = IntakeFixture.on(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    private OutboxDelivery deliveryTo(String smtpUrl) {
        return new OutboxDelivery(new JdbcOutboxQueue(intake.jdbi()),
                new SmtpTransport(SmtpSettings.parse(smtpUrl, "support@localhost")), RetrySchedule.STANDARD, clock);
    }

    @Test
    void acknowledgementsWaitWhileTheMailServerIsDownAndAllGoOutOnceWhenItIsBack() throws Exception {
        int port = freePort();
        OutboxDelivery delivery = deliveryTo("smtp://127.0.0.1:" + port);
        IntStream.range(0, 5).forEach(i -> intake.service().accept(Submissions.form().build()));

        assertThat(delivery.deliverDue()).isZero();
        GreenMail mailServer = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
        try {
            clock.advance(Duration.ofMinutes(1));
            assertThat(delivery.deliverDue()).isEqualTo(5);
            clock.advance(Duration.ofHours(1));
            assertThat(delivery.deliverDue()).isZero();

            assertThat(mailServer.waitForIncomingEmail(5_000, 5)).isTrue();
            List<String> received = Arrays.stream(mailServer.getReceivedMessages()).map(OutboxOverSmtpTest::messageId).toList();
            List<String> written = intake.jdbi().withHandle(h -> h.createQuery("select message_id from outbox")
                    .mapTo(String.class).list());
            assertThat(received).hasSize(5).containsExactlyInAnyOrderElementsOf(written);
        } finally {
            mailServer.stop();
        }
    }

    @Test
    void aRecipientTheMailServerRefusesIsAFailedAcknowledgementOnItsTicket() throws IOException {
        try (var server = ScriptedSmtpServer.replying("RCPT", "550 5.1.1 No such user")) {
            intake.service().accept(Submissions.form().build());

            deliveryTo(server.url()).deliverDue();

            assertThat(intake.text("select last_error from outbox")).contains("550 5.1.1 No such user");
            assertThat(intake.rows("outbox where failed_at is not null and next_attempt_at is null")).isEqualTo(1);
            assertThat(intake.rows("intake_event where kind = 'acknowledgement_failed' and ticket_id is not null"))
                    .isEqualTo(1);
        }
    }

    @Test
    void theSupervisorsDigestReachesEverySupervisorWithALinkToEachTicketNeedingAttention() throws Exception {
        GreenMail mailServer = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
        try {
            var created = (org.supportintake.core.intake.IntakeOutcome.Created) intake.service()
                    .accept(Submissions.form().build());
            intake.jdbi().useHandle(h -> h.execute("update ticket set overdue = true"));
            // a working Monday 09:00 in Moscow after every clock .ci/clocks sets, so the acknowledgement is due too
            clock.set(java.time.Instant.parse("2027-02-01T06:00:00Z"));
            var digest = new org.supportintake.core.work.SupervisorDigest(
                    new org.supportintake.core.jdbc.JdbcDigestQuery(intake.jdbi()),
                    new org.supportintake.core.jdbc.JdbcTransactions(intake.jdbi()),
                    List.of("head@support.example.ru", "deputy@support.example.ru"),
                    org.supportintake.core.sla.ProductionCalendar.bundled(),
                    new org.supportintake.core.outbox.OutgoingMessageIds("support@localhost"), "https://support.example.ru",
                    org.supportintake.core.outbox.OutboxNudge.NONE, clock);

            assertThat(digest.send(clock.instant().minus(Duration.ofDays(3)))).isEqualTo(2);
            deliveryTo("smtp://127.0.0.1:" + mailServer.getSmtp().getPort()).deliverDue();

            assertThat(mailServer.waitForIncomingEmail(5_000, 3)).isTrue();
            List<MimeMessage> digests = Arrays.stream(mailServer.getReceivedMessages())
                    .filter(m -> subject(m).startsWith("Сводка службы поддержки")).toList();
            assertThat(digests).hasSize(2);
            assertThat(digests.stream().map(m -> recipient(m)).toList())
                    .containsExactlyInAnyOrder("head@support.example.ru", "deputy@support.example.ru");
            assertThat(subject(digests.get(0))).isEqualTo(
                    "Сводка службы поддержки на 1 февраля 2027: просрочено 1, под угрозой 0, повторных запросов 0");
            String number = created.ticketNumber().toString();
            assertThat(bodyText(digests.get(0))).contains("Просрочены: 1", " — " + number
                    + ": https://support.example.ru/staff/tickets/" + number);
        } finally {
            mailServer.stop();
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bodyText(MimeMessage message) throws Exception {
        return ((jakarta.mail.Multipart) message.getContent()).getBodyPart(0).getContent().toString();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
