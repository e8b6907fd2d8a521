package org.supportintake.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.supportintake.core.outbox.UnableToSendMailException;

class SmtpTransportFailureTest {

    private static final Duration SHORT = Duration.ofMillis(500);

    private static UnableToSendMailException failureSending(String url, String recipient) {
        var settings = SmtpSettings.parse(url, "support@localhost").withTimeouts(SHORT, SHORT, SHORT);
        return catchThrowableOfType(UnableToSendMailException.class,
                () -> new SmtpTransport(settings).send(OutboxMessages.acknowledgement(recipient)));
    }

    private static UnableToSendMailException failureSendingVia(ScriptedSmtpServer server) throws IOException {
        try (server) {
            return failureSending(server.url(), OutboxMessages.CITIZEN);
        }
    }

    @Test
    void recipientRefusedWithA5xxCodeIsPermanent() throws IOException {
        var failure = failureSendingVia(ScriptedSmtpServer.replying("RCPT", "550 5.1.1 No such user"));

        assertThat(failure.isPermanent()).isTrue();
        assertThat(failure).hasMessageContaining("550 5.1.1 No such user");
    }

    @Test
    void recipientDeferredWithA4xxCodeIsLeftForRetry() throws IOException {
        var failure = failureSendingVia(ScriptedSmtpServer.replying("RCPT", "450 4.2.1 Mailbox busy, try later"));

        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure).hasMessageContaining("450 4.2.1");
    }

    @Test
    void contentRefusedAtTheEndOfDataIsPermanent() throws IOException {
        var failure = failureSendingVia(ScriptedSmtpServer.replying(".", "554 5.7.1 Message rejected"));

        assertThat(failure.isPermanent()).isTrue();
    }

    @Test
    void senderRefusedIsLeftForRetryBecauseTheConfigurationIsAtFault() throws IOException {
        var failure = failureSendingVia(ScriptedSmtpServer.replying("MAIL", "553 5.7.1 Sender not owned by user"));

        assertThat(failure.isPermanent()).isFalse();
    }

    @Test
    void silentServerTimesOutQuicklyAndIsLeftForRetry() throws IOException {
        long started = System.nanoTime();

        var failure = failureSendingVia(ScriptedSmtpServer.silent());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure).hasMessageContaining("timed out");
    }

    private static int unusedPort() throws IOException {
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Test
    void serverNotRunningIsLeftForRetryAndReportedQuickly() throws IOException {
        int port = unusedPort();
        long started = System.nanoTime();

        var failure = failureSending("smtp://127.0.0.1:" + port, OutboxMessages.CITIZEN);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure).hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void malformedRecipientIsPermanentWithoutTryingTheServer() throws IOException {
        // had it tried, nobody listening would have made the failure temporary
        var failure = failureSending("smtp://127.0.0.1:" + unusedPort(), "not an address");

        assertThat(failure.isPermanent()).isTrue();
    }
}
