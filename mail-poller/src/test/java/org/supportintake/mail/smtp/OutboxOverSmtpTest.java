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
