package org.supportintake.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportintake.mail.imap.MailFixture.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.testing.TestFiles;
import org.supportintake.mail.mime.WinmailFixtures;

/** Mail as Russian citizens' clients write it, through the real mailbox, poller and database. */
class RussianClientsThroughTheMailboxTest {

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
    void aSenderWithACyrillicAddressGetsATicketAndAnAcknowledgement() {
        mail.deliver(mail("<smtputf8-1@почта.рф>", "Иван Петров <иван@почта.рф>", "Вопрос по записи",
                "Не могу записаться на приём, сайт выдаёт ошибку.", ""));

        mail.pollOnce();

        assertThat(mail.intake().rows("ticket")).isEqualTo(1);
        assertThat(mail.intake().text("select recipient from outbox")).isEqualTo("иван@почта.рф");
    }

    @Test
    void anOutlookReplyWithItsFilesInWinmailDatAddsThemToTheCitizensTicket() {
        mail.deliver(mail("<first@company.ru>", "Иванов Иван <ivanov@company.ru>", "Не выдают справку",
                "Третью неделю не могу получить справку.", ""));
        mail.pollOnce();
        String number = mail.intake().text("select number from ticket");
        byte[] winmail = WinmailFixtures.withCyrillicPdf("Справка из банка.pdf", TestFiles.pdf());
        String reply = "Message-ID: <reply@company.ru>\nFrom: =?windows-1251?B?"
                + Base64.getEncoder().encodeToString("Иванов Иван".getBytes(Charset.forName("windows-1251")))
                + "?= <ivanov@company.ru>\nTo: support@localhost\nSubject: RE: =?windows-1251?B?"
                + Base64.getEncoder().encodeToString(("[№ " + number + "] Ваше обращение принято")
                        .getBytes(Charset.forName("windows-1251")))
                + "?=\nThread-Index: AQHZ7k3X5t4qZ9pB0kS2m9x8YfQ1Aw==\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"_002_\"\n\n--_002_\n"
                + "Content-Type: text/plain; charset=\"windows-1251\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(("Прикладываю справку.\n\nОт: Служба поддержки <support@localhost>\n"
                        + "Отправлено: 12 ноября 2026 г. 10:15\nКому: Иванов Иван\nТема: [№ " + number
                        + "] Ваше обращение принято\n\nЗдравствуйте!").getBytes(Charset.forName("windows-1251")))
                + "\n--_002_\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\n"
                + "Content-Disposition: attachment; filename=\"winmail.dat\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(winmail) + "\n--_002_--\n";
        mail.deliver(reply.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));

        mail.pollOnce();

        assertThat(mail.intake().rows("ticket")).isEqualTo(1);
        assertThat(mail.intake().rows("message")).isEqualTo(2);
        assertThat(mail.intake().text("select name || '|' || verdict || '|' || detected_type from attachment"))
                .isEqualTo("Справка из банка.pdf|accepted|application/pdf");
    }
}
