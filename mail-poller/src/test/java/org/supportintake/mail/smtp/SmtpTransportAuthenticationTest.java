package org.supportintake.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.supportintake.core.outbox.UnableToSendMailException;

class SmtpTransportAuthenticationTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("relay@example.org", "relay@example.org", "p@ss:w0rd"));

    private SmtpTransport transportWith(String encodedUserAndPassword) {
        var smtp = greenMail.getSmtp();
        return new SmtpTransport(SmtpSettings.parse(
                "smtp://" + encodedUserAndPassword + "@" + smtp.getBindTo() + ":" + smtp.getPort(),
                "support@example.org"));
    }

    @Test
    void deliversWhenTheUrlEncodedPasswordIsRight() {
        transportWith("relay%40example.org:p%40ss%3Aw0rd").send(OutboxMessages.acknowledgement());

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
    }

    @Test
    void wrongPasswordIsLeftForRetryAndNotNamedInTheError() {
        var failure = catchThrowableOfType(UnableToSendMailException.class,
                () -> transportWith("relay%40example.org:wr0ng-secret").send(OutboxMessages.acknowledgement()));

        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure).hasMessageContaining("535").hasMessageNotContaining("wr0ng-secret");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
