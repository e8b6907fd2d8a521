package org.supportintake.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportintake.mail.imap.MailFixture.mail;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whose a letter is when From is not where the answer should go: a website's feedback form relays the citizen's
 * letter from {@code noreply@…} with the citizen in Reply-To, and an old script writes a From with a name only.
 * The acknowledgement went to the no-reply address (or nowhere, and the letter was no ticket).
 */
class WhoseMailThroughTheMailboxTest {

    @RegisterExtension
    final MailboxAndDatabase mailbox = MailboxAndDatabase.onH2();

    @TempDir
    Path files;

    private MailFixture mail;

    @BeforeEach
    void setUp() {
        mail = mailbox.fixture(files);
    }


    @Test
    void aLetterRelayedByAWebsiteFormIsTheCitizensAndIsAcknowledgedToThem() {
        mail.deliver(mail("<form-1@mfc.example.ru>", "Сайт МФЦ <noreply@mfc.example.ru>", "Сообщение с сайта",
                "Не могу записаться на приём, сайт выдаёт ошибку.",
                "Reply-To: Иванова Мария <maria@example.ru>\n"));

        mail.pollOnce();

        assertThat(mail.intake().text("select requester_email || '|' || requester_name from ticket"))
                .isEqualTo("maria@example.ru|Иванова Мария");
        assertThat(mail.intake().text("select recipient from outbox")).isEqualTo("maria@example.ru");
    }

    @Test
    void theCitizensReplyFromTheirOwnMailboxAddsToTheTicketTheFormOpened() {
        mail.deliver(mail("<form-2@mfc.example.ru>", "Сайт МФЦ <noreply@mfc.example.ru>", "Сообщение с сайта",
                "Не могу записаться на приём, сайт выдаёт ошибку.", "Reply-To: maria@example.ru\n"));
        mail.pollOnce();
        String number = mail.intake().text("select number from ticket");

        mail.deliver(mail("<reply-2@example.ru>", "Мария <maria@example.ru>", "Re: [№ " + number + "] Ваше обращение принято",
                "Ошибка повторилась сегодня утром.", ""));
        mail.pollOnce();

        assertThat(mail.intake().rows("ticket")).isEqualTo(1);
        assertThat(mail.intake().rows("message")).isEqualTo(2);
    }

    @Test
    void aReplyToOfOurOwnMailboxIsNotFollowed() {
        mail.deliver(mail("<own-reply-to@example.ru>", "Иван <ivan@example.ru>", "Вопрос",
                "Не приходит код подтверждения на телефон.", "Reply-To: support@localhost\n"));

        mail.pollOnce();

        assertThat(mail.intake().text("select recipient from outbox")).isEqualTo("ivan@example.ru");
    }

    @Test
    void aFromWithANameButNoAddressIsAnsweredAtTheEnvelopeSender() {
        mail.deliver("Return-Path: <ivan@example.ru>\nMessage-ID: <name-only@example.ru>\nFrom: Иван Петров\n"
                + "To: support@localhost\nSubject: Вопрос\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
                + "Content-Transfer-Encoding: 8bit\n\nНе приходит код подтверждения на телефон.\n");

        mail.pollOnce();

        assertThat(mail.intake().text("select requester_email || '|' || requester_name from ticket"))
                .isEqualTo("ivan@example.ru|Иван Петров");
        assertThat(mail.intake().text("select recipient from outbox")).isEqualTo("ivan@example.ru");
    }
}
