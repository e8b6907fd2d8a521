package org.supportintake.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxSettingsTest {

    @Test
    void readsUserPasswordHostPortAndFolder() {
        MailboxSettings mailbox = MailboxSettings.parse("imap://support%40gov.example.ru:p%40ss%3Aw%2Frd@imap.example.ru:1143/Обращения");
        assertThat(mailbox).isEqualTo(new MailboxSettings(false, "imap.example.ru", 1143, "support@gov.example.ru",
                "p@ss:w/rd", "Обращения", false, List.of()));
        assertThat(mailbox.sessionProperties()).containsEntry("mail.imap.partialfetch", "false");
    }

    @Test
    void imapsDefaultsToPort993AndTheInbox() {
        MailboxSettings mailbox = MailboxSettings.parse("imaps://user:secret@imap.example.ru");
        assertThat(mailbox.tls()).isTrue();
        assertThat(mailbox.port()).isEqualTo(993);
        assertThat(mailbox.folder()).isEqualTo("INBOX");
        assertThat(mailbox.protocol()).isEqualTo("imaps");
    }

    @Test
    void xoauth2MakesThePasswordABearerToken() {
        MailboxSettings mailbox = MailboxSettings.parse("imaps://user%40example.ru:ya29.token@imap.example.ru/INBOX?auth=xoauth2");
        assertThat(mailbox.xoauth2()).isTrue();
        assertThat(mailbox.sessionProperties()).containsEntry("mail.imaps.auth.mechanisms", "XOAUTH2");
    }

    @Test
    void trustNamesHostsWhoseSelfSignedCertificatesAreAccepted() {
        MailboxSettings mailbox = MailboxSettings.parse("imaps://u:p@mail.local/INBOX?trust=mail.local");
        assertThat(mailbox.sessionProperties()).containsEntry("mail.imaps.ssl.trust", "mail.local");
    }

    @Test
    void severalMailboxesAreSeparatedByCommas() {
        assertThat(MailboxSettings.parseAll("imap://a:b@one.example.ru, imaps://c:d@two.example.ru/Support"))
                .extracting(MailboxSettings::label)
                .containsExactly("a@one.example.ru:143/INBOX", "c@two.example.ru:993/Support");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pop3://u:topsecret@host", "imap://u:topsecret@", "imap://:topsecret@host",
            "imap://u:topsecret@host:99999", "imap://u:topsecret@host/INBOX?verbose=1", "imap://u:top%ZZsecret@host"})
    void badUrlsSayWhatIsExpectedWithoutThePassword(String url) {
        assertThatThrownBy(() -> MailboxSettings.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid IMAP URL: ")
                .hasMessageContaining("expected imap://")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void labelAndToStringNeverShowThePassword() {
        MailboxSettings mailbox = MailboxSettings.parse("imap://u:topsecret@host");
        assertThat(mailbox.label() + mailbox).doesNotContain("topsecret");
    }
}
