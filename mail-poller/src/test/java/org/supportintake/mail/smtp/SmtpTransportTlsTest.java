package org.supportintake.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.supportintake.core.outbox.UnableToSendMailException;

/** GreenMail offers SMTPS with a self-signed certificate, and no STARTTLS at all. */
class SmtpTransportTlsTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()});

    private SmtpTransport transport(String scheme, int port, String query) {
        return new SmtpTransport(SmtpSettings.parse(
                scheme + "://" + greenMail.getSmtps().getBindTo() + ":" + port + query, "support@localhost"));
    }

    @Test
    void deliversOverSmtpsWhenTheSelfSignedHostIsTrusted() {
        String host = greenMail.getSmtps().getBindTo();

        transport("smtps", greenMail.getSmtps().getPort(), "?trust=" + host).send(OutboxMessages.acknowledgement());

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
    }

    @Test
    void refusesSmtpsWithAnUntrustedCertificateAndLeavesItForRetry() {
        var failure = catchThrowableOfType(UnableToSendMailException.class,
                () -> transport("smtps", greenMail.getSmtps().getPort(), "").send(OutboxMessages.acknowledgement()));

        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure).hasMessageContaining("SSLHandshakeException");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void refusesToSendInTheClearWhenStartTlsIsRequiredButNotOffered() {
        var failure = catchThrowableOfType(UnableToSendMailException.class,
                () -> transport("smtp", greenMail.getSmtp().getPort(), "?starttls=required")
                        .send(OutboxMessages.acknowledgement()));

        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure).hasMessageContaining("STARTTLS");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
