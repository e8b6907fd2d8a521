package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From, Reply-To and Subject as broken gateways and old scripts write them. */
class SenderFieldsTest {

    @TempDir
    Path dir;

    private ParsedMail read(String headers) throws Exception {
        return new RawMails(dir).read("Message-ID: <f@example.ru>|" + headers
                + "|To: support@localhost|Content-Type: text/plain; charset=utf-8||Не приходит код подтверждения.|");
    }

    @Test
    void aFromWithANameOnlyHasNoAddressAndKeepsTheName() throws Exception {
        ParsedMail mail = read("From: Иван Петров|Subject: x");
        assertThat(mail.from()).isEqualTo(new MailAddress("", "Иван Петров"));
        assertThat(mail.problems()).containsExactly("From header has no address");
    }

    @Test
    void anUnqualifiedMailSystemSenderIsStillItsAddress() throws Exception {
        assertThat(read("From: MAILER-DAEMON|Subject: x").from()).isEqualTo(new MailAddress("MAILER-DAEMON", ""));
    }

    @Test
    void anUnquotedCommaInTheDisplayNameStaysInTheName() throws Exception {
        assertThat(read("From: Петров, Иван <ivan@example.ru>|Subject: x").from())
                .isEqualTo(new MailAddress("ivan@example.ru", "Петров, Иван"));
    }

    @Test
    void ofSeveralAuthorsTheFirstIsReadWithItsName() throws Exception {
        ParsedMail mail = read("From: Иван <ivan@example.ru>, Пётр <petr@example.ru>|Sender: ivan@example.ru|Subject: x");
        assertThat(mail.from()).isEqualTo(new MailAddress("ivan@example.ru", "Иван"));
        assertThat(mail.problems()).containsExactly("From names several mailboxes; the first was read");
    }

    @Test
    void aRepeatedFromOrSubjectIsReadOnceNotJoined() throws Exception {
        ParsedMail mail = read("From: Иван <ivan@example.ru>|From: Пётр <petr@example.ru>"
                + "|Subject: Не приходит код|Subject: [SPAM] Не приходит код");
        assertThat(mail.from()).isEqualTo(new MailAddress("ivan@example.ru", "Иван"));
        assertThat(mail.subject()).isEqualTo("Не приходит код");
        assertThat(mail.problems()).containsExactly("the message has 2 From fields; the first was read",
                "the message has 2 Subject fields; the first was read");
    }

    @Test
    void replyToNamingSeveralMailboxesNamesNoOne() throws Exception {
        assertThat(read("From: ivan@example.ru|Reply-To: a@example.ru, b@example.ru|Subject: x").replyTo())
                .isEqualTo(MailAddress.NONE);
        assertThat(read("From: ivan@example.ru|Reply-To: Мария <maria@example.ru>|Subject: x").replyTo())
                .isEqualTo(new MailAddress("maria@example.ru", "Мария"));
    }

    @Test
    void theSenderIsTheSenderFieldElseTheReturnPath() throws Exception {
        assertThat(read("From: Иван Петров|Sender: office@example.ru|Return-Path: <bounce@example.ru>|Subject: x").sender())
                .isEqualTo(new MailAddress("office@example.ru", ""));
        assertThat(read("Return-Path: <ivan@example.ru>|From: Иван Петров|Subject: x").sender())
                .isEqualTo(new MailAddress("ivan@example.ru", ""));
        assertThat(read("Return-Path: <>|From: Иван Петров|Subject: x").sender()).isEqualTo(MailAddress.NONE);
    }
}
