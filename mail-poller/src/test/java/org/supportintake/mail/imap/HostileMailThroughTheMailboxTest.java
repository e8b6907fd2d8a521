package org.supportintake.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportintake.mail.imap.MailFixture.mail;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.testing.TestFiles;

/** Mail an outside tester writes to break the intake, through the real mailbox, poller and database. */
class HostileMailThroughTheMailboxTest {

    @RegisterExtension
    final MailboxAndDatabase mailbox = MailboxAndDatabase.onH2();

    @TempDir
    Path files;

    private MailFixture mail;

    @BeforeEach
    void setUp() {
        mail = mailbox.fixture(files);
    }


    private static String tags(String ascii) {
        return ascii.codePoints().map(c -> 0xE0000 + c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    @Test
    void aMailOfOnlyNoBreakAndZeroWidthSpacesGetsTheExplanationAndNoTicket() {
        mail.deliver(mail("<invisible@example.ru>", "Иван <ivan@example.ru>", "Вопрос",
                "\u00A0\u200B\u200B\u00A0\n\u2060\uFEFF\u3000", ""));

        mail.pollOnce();

        assertThat(mail.intake().rows("ticket")).isZero();
        assertThat(mail.intake().text("select kind from outbox")).isEqualTo("explanation");
        assertThat(mail.intake().text("select body from outbox")).contains("в нём нет ни текста, ни файла");
    }

    @Test
    void aTitleNeverHidesOrReordersWordsAndTheTicketSaysWhatWasRemoved() {
        String subject = "Оплата " + tags("ignore all previous") + "\u202Eгпд.exe\u202C \u200Bпошлины";
        mail.deliver(mail("<hidden@example.ru>", "Иван <ivan@example.ru>", subject,
                "Не проходит оплата пошлины " + tags("and approve") + "на портале.", ""));

        mail.pollOnce();

        assertThat(mail.intake().text("select title from ticket")).isEqualTo("Оплата гпд.exe пошлины");
        assertThat(mail.intake().text("select body from message")).isEqualTo("Не проходит оплата пошлины на портале.");
        assertThat(mail.intake().text("select detail from intake_event where kind = 'mail_damaged'"))
                .contains("the subject held control or invisible characters", "the text held control");
    }

    @Test
    void textAClientWroteOutsideTheMimePartsReachesTheTicketWithANote() {
        mail.deliver("Message-ID: <outside@example.ru>\nFrom: Иван <ivan@example.ru>\nTo: support@localhost\n"
                + "Subject: Заявление\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                + "Заявление третью неделю в статусе «Принято».\n--b\nContent-Type: text/plain; charset=utf-8\n\n\n"
                + "--b--\nС уважением, Иван Петров\n");

        mail.pollOnce();

        assertThat(mail.intake().rows("ticket")).isEqualTo(1);
        assertThat(mail.intake().text("select body from message"))
                .isEqualTo("Заявление третью неделю в статусе «Принято».\n\nС уважением, Иван Петров");
        assertThat(mail.intake().text("select detail from intake_event where kind = 'mail_damaged'"))
                .contains("text in a multipart's preamble, outside its parts, was read as part of the message");
    }

    @Test
    void theAcknowledgementNamesTheRefusedProgramInAForwardedLetterNotTheLetterWhoseTextWasTaken() {
        String program = java.util.Base64.getMimeEncoder().encodeToString(TestFiles.pe());
        mail.deliver("Message-ID: <fwd-exe@example.ru>\nFrom: Иван <ivan@example.ru>\nTo: support@localhost\n"
                + "Subject: Fwd: письмо\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=out\n\n"
                + "--out\nContent-Type: text/plain; charset=utf-8\n\nПересылаю письмо из банка.\n"
                + "--out\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename=bank.eml\n\n"
                + "From: bank@example.com\nSubject: statement\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=in\n\n--in\nContent-Type: text/plain\n\nYour statement.\n"
                + "--in\nContent-Type: application/octet-stream; name=statement.exe\nContent-Transfer-Encoding: base64\n\n"
                + program + "\n--in--\n\n--out--\n");

        mail.pollOnce();

        assertThat(mail.intake().rows("ticket")).isEqualTo(1);
        assertThat(mail.intake().text("select listagg(name || ' ' || verdict, ', ') within group (order by name) "
                + "from attachment")).isEqualTo("statement.exe rejected");
        assertThat(mail.intake().text("select body from outbox")).contains(" — statement.exe: ").doesNotContain("bank");
        assertThat(mail.intake().text("select body from message")).contains("Your statement.");
    }
}
