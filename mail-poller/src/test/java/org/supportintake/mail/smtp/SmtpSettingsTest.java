package org.supportintake.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpSettingsTest {

    private static final String FROM = "support@example.org";

    @Test
    void plainUrlWithoutCredentialsUsesPort25AndNoLogin() {
        var settings = SmtpSettings.parse("smtp://mail.example.org", FROM);

        assertThat(settings.host()).isEqualTo("mail.example.org");
        assertThat(settings.port()).isEqualTo(25);
        assertThat(settings.security()).isEqualTo(ConnectionSecurity.NONE);
        assertThat(settings.authenticates()).isFalse();
        assertThat(settings.trustedHosts()).isEmpty();
        assertThat(settings.from()).isEqualTo(FROM);
    }

    @Test
    void userAndPasswordArePercentDecodedAndAPlusStaysAPlus() {
        var settings = SmtpSettings.parse("smtp://support%40example.org:p%40ss%3Aw+rd%2F1@relay.example.org:587", FROM);

        assertThat(settings.user()).isEqualTo("support@example.org");
        assertThat(settings.password()).isEqualTo("p@ss:w+rd/1");
        assertThat(settings.authenticates()).isTrue();
        assertThat(settings.port()).isEqualTo(587);
    }

    @Test
    void starttlsRequiredMakesStartTlsMandatory() {
        var settings = SmtpSettings.parse("smtp://user:secret@relay.example.org:587?starttls=required", FROM);

        assertThat(settings.security()).isEqualTo(ConnectionSecurity.STARTTLS_REQUIRED);
        assertThat(settings.port()).isEqualTo(587);
    }

    @Test
    void smtpsIsImplicitTlsOnPort465() {
        var settings = SmtpSettings.parse("SMTPS://user:secret@relay.example.org/", FROM);

        assertThat(settings.security()).isEqualTo(ConnectionSecurity.IMPLICIT_TLS);
        assertThat(settings.port()).isEqualTo(465);
    }

    @Test
    void trustListsTheHostsWhoseCertificatesAreTrusted() {
        var settings = SmtpSettings.parse("smtp://relay.internal:2525?starttls=required&trust=relay.internal,10.0.0.7",
                FROM);

        assertThat(settings.trustedHosts()).containsExactly("relay.internal", "10.0.0.7");
        assertThat(settings.security()).isEqualTo(ConnectionSecurity.STARTTLS_REQUIRED);
    }

    @Test
    void ipv6HostIsReadWithoutItsBrackets() {
        var settings = SmtpSettings.parse("smtp://[::1]:2525", FROM);

        assertThat(settings.host()).isEqualTo("::1");
        assertThat(settings.port()).isEqualTo(2525);
    }

    @Test
    void timeoutsDefaultToTenSecondsToConnectAndThirtyToReadAndWrite() {
        var settings = SmtpSettings.parse("smtp://mail.example.org", FROM);

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void textFormHidesThePassword() {
        var settings = SmtpSettings.parse("smtps://user:s3cret@relay.example.org", FROM);

        assertThat(settings.toString()).contains("user:***@relay.example.org:465").doesNotContain("s3cret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "http://user:s3cret@relay.example.org           | the scheme must be smtp or smtps",
        "user:s3cret@relay.example.org                  | the scheme is missing",
        "smtp://user:s3cret@                            | the host is missing",
        "smtp://user:s3cret@relay.example.org/inbox     | the host is missing",
        "smtp://user:s3cret@relay.example.org:          | the port must be a number from 1 to 65535",
        "smtp://user:s3cret@relay.example.org:port      | the port must be a number from 1 to 65535",
        "smtp://user:s3cret@relay.example.org:70000     | the port must be a number from 1 to 65535",
        "smtp://user:s3c?ret@relay.example.org          | the port must be a number from 1 to 65535",
        "smtp://user:s3cret%zz@relay.example.org        | malformed %-escape",
        "smtps://user:s3cret@relay.example.org?starttls=required | the only parameters are",
        "smtp://user:s3cret@relay.example.org?starttls=s3cret    | the only parameters are",
        "smtp://user:s3cret@relay.example.org?trust=*   | no wildcards",
        "smtp://user:s3cret@relay.example.org?trust=    | no wildcards",
    })
    void malformedUrlIsRejectedWithWhatIsExpectedAndWithoutThePassword(String url, String problem) {
        assertThatIllegalArgumentException().isThrownBy(() -> SmtpSettings.parse(url, FROM))
                .withMessageContaining(problem)
                .withMessageContaining("expected smtp://USER:PASSWORD@HOST:PORT")
                .withMessageNotContaining("s3c");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"support", "Support <support@example.org>", "support@", "'support @example.org'"})
    void senderMustBeABareMailAddress(String from) {
        assertThatIllegalArgumentException().isThrownBy(() -> SmtpSettings.parse("smtp://mail.example.org", from))
                .withMessageContaining("expected one such as support@example.org");
    }
}
