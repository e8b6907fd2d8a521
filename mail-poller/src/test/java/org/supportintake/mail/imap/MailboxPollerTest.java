package org.supportintake.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportintake.mail.imap.MailFixture.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.mail.Folder;
import jakarta.mail.Message;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.testing.TestFiles;
import org.supportintake.core.ticket.TicketNumber;

class MailboxPollerTest {

    @RegisterExtension
    final MailboxAndDatabase mailbox = MailboxAndDatabase.onH2();

    @TempDir
    Path files;

    private MailFixture mail;

    @BeforeEach
    void setUp() {
        mail = mailbox.fixture(files);
    }

    private static String citizen(int i) {
        return mail("<m" + i + "@mail.example.ru>", "Гражданин " + i + " <c" + i + "@mail.example.ru>",
                "Вопрос номер " + i, "Добрый день! Это обращение номер " + i + ".", "");
    }

    private int pollUntilEmpty(MailboxPoller poller) {
        int total = 0;
        for (int taken = poller.poll(); taken > 0; taken = poller.poll()) {
            total += taken;
        }
        return total;
    }

    @Test
    void thousandMessagesBecomeThousandTicketsAndLeaveTheInbox() {
        for (int i = 0; i < 1000; i++) {
            mail.deliver(citizen(i));
        }
        try (MailboxPoller poller = mail.poller()) {
            assertThat(pollUntilEmpty(poller)).isEqualTo(1000);
        }
        assertThat(mail.intake().rows("ticket")).isEqualTo(1000);
        assertThat(mail.intake().rows("outbox")).isEqualTo(1000);
        assertThat(mail.inFolder("INBOX")).isZero();
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(1000);
    }

    @Test
    void batchAfterBatchGoesOverTheOneConnectionOpenedFirst() throws Exception {
        try (TcpProxy proxy = new TcpProxy(mailbox.getImap().getPort());
             MailboxPoller poller = mail.poller(proxy.port())) {
            for (int i = 0; i < 3; i++) {
                mail.deliver(citizen(2 * i));
                mail.deliver(citizen(2 * i + 1));
                assertThat(poller.poll()).isEqualTo(2);
            }
            assertThat(proxy.connections()).isEqualTo(1);
        }
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(6);
    }

    @Test
    void sameMessageDeliveredTwiceMakesOneTicket() {
        mail.deliver(citizen(1));
        mail.deliver(citizen(1));
        try (MailboxPoller poller = mail.poller()) {
            pollUntilEmpty(poller);
        }
        assertThat(mail.intake().rows("ticket")).isEqualTo(1);
        assertThat(mail.intake().rows("outbox")).isEqualTo(1);
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(2);
    }

    @Test
    void pollKilledAfterCommitAndBeforeTheMoveMakesNoDuplicate() {
        mail.deliver(citizen(1));
        FolderMoves killedBeforeMoving = new FolderMoves() {
            @Override
            void move(IMAPFolder inbox, List<Message> messages, Folder target) {
                throw new IllegalStateException("node killed after commit, before the move");
            }
        };
        try (MailboxPoller dying = mail.poller(killedBeforeMoving)) {
            assertThatThrownBy(dying::poll).hasMessageContaining("killed");
        }
        assertThat(mail.inFolder("INBOX")).isEqualTo(1);

        try (MailboxPoller next = mail.poller()) {
            assertThat(next.poll()).isEqualTo(1);
        }
        assertThat(mail.intake().rows("ticket")).isEqualTo(1);
        assertThat(mail.intake().rows("outbox")).isEqualTo(1);
        assertThat(mail.inFolder("INBOX")).isZero();
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(1);
    }

    @Test
    void unreadableMessageGoesToFailedWithAnEventAndTheNextIsStillProcessed() throws IOException {
        mail.deliver(Files.readAllBytes(Path.of("src/test/resources/corpus/broken-structure.eml")));
        mail.deliver(citizen(2));
        try (MailboxPoller poller = mail.poller()) {
            assertThat(poller.poll()).isEqualTo(2);
        }
        assertThat(mail.inFolder(MailboxPoller.FAILED)).isEqualTo(1);
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(1);
        assertThat(mail.intake().rows("ticket")).isEqualTo(1);
        assertThat(mail.intake().text("select kind || ' ' || external_id from intake_event where kind = 'mail_failed'"))
                .isEqualTo("mail_failed <broken-1@mail.example.ru>");
    }

    @Test
    void damagedPartsAreKeptNamedOnTheTicketAndTheUnreadableOneInTheAcknowledgement() {
        String png = java.util.Base64.getMimeEncoder().encodeToString(TestFiles.png());
        mail.deliver("Message-ID: <damaged@mail.example.ru>\nFrom: c@mail.example.ru\nTo: support@localhost\n"
                + "Subject: Снимки\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                + "--b\nContent-Type: text/plain;; charset=utf-8\n\nДобрый день! Снимки экрана во вложении.\n"
                + "--b\nContent-Type: image/png\nContent-Disposition: attachment; filename=screen.png\n"
                + "Content-Transfer-Encoding: base64\n\n" + png + "\n!!trailing text!!\n"
                + "--b\nContent-Type: image/png\nContent-Disposition: attachment; filename=scan.png\n"
                + "Content-Transfer-Encoding: x-unknown\n\n" + png + "\n--b--\n");
        try (MailboxPoller poller = mail.poller()) {
            assertThat(poller.poll()).isEqualTo(1);
        }

        assertThat(mail.intake().text("select listagg(name || ' ' || verdict || ' ' || coalesce(reason, '-'), ', ') "
                + "within group (order by name) from attachment")).isEqualTo("scan.png rejected unreadable, screen.png accepted -");
        assertThat(mail.intake().text("select detail from intake_event where kind = 'mail_damaged'"))
                .isEqualTo("attachment \"screen.png\" is damaged (base64); it was read as far as it goes; "
                        + "attachment \"scan.png\" has an unknown transfer encoding (x-unknown) and could not be read");
        assertThat(mail.intake().text("select body from outbox")).contains(" — scan.png: файл повреждён при пересылке письма, и прочитать его не удалось.");
    }

    @Test
    void autoReplyBounceAndMailingListMakeNoTicketAndNoAcknowledgement() throws IOException {
        mail.deliver(citizen(1));
        try (MailboxPoller poller = mail.poller()) {
            poller.poll();
            String acknowledgementId = mail.intake().text("select message_id from outbox");
            String bounce = Files.readString(Path.of("src/test/resources/corpus/bounce-dsn.eml"))
                    .replace("<intake.5f0c2a8e-1b7d-4c1e-9a53-0d6c1c3e2f10@localhost>", acknowledgementId);
            mail.deliver(bounce.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            mail.deliver(Files.readAllBytes(Path.of("src/test/resources/corpus/auto-reply.eml")));
            mail.deliver(Files.readAllBytes(Path.of("src/test/resources/corpus/mailing-list.eml")));
            assertThat(poller.poll()).isEqualTo(3);
        }
        assertThat(mail.intake().rows("ticket")).isEqualTo(1);
        assertThat(mail.intake().rows("outbox")).isEqualTo(1);
        assertThat(mail.intake().text("select count(*) from intake_event e join ticket t on t.id = e.ticket_id "
                + "where e.kind = 'acknowledgement_undeliverable'")).isEqualTo("1");
        assertThat(mail.intake().text("select count(*) from intake_event where kind = 'mail_ignored'")).isEqualTo("2");
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(4);
    }

    @Test
    void followUpsBySubjectNumberAndByInReplyToLandOnTheTicketButAWrongCheckDigitDoesNot() {
        mail.deliver(citizen(1));
        try (MailboxPoller poller = mail.poller()) {
            poller.poll();
            TicketNumber number = TicketNumber.parse(mail.intake().text("select number from ticket")).orElseThrow();
            String acknowledgementId = mail.intake().text("select message_id from outbox");
            String wrongDigit = number.toString().substring(0, 11) + (number.checkDigit() + 1) % 10;
            String from = "Гражданин 1 <c1@mail.example.ru>";
            mail.deliver(mail("<r1@mail.example.ru>", from, "Re: [№ " + number + "] Ваше обращение принято",
                    "Дополняю обращение.", ""));
            mail.deliver(mail("<r2@mail.example.ru>", from, "Re: ещё вопрос", "И ещё одно.",
                    "In-Reply-To: " + acknowledgementId + "\n"));
            mail.deliver(mail("<r3@mail.example.ru>", from, "Re: [№ " + wrongDigit + "] опечатка в номере",
                    "Номер с ошибкой.", ""));
            assertThat(poller.poll()).isEqualTo(3);
        }
        assertThat(mail.intake().rows("ticket")).isEqualTo(2);
        assertThat(mail.intake().text("select count(*) from message m join ticket t on t.id = m.ticket_id "
                + "where t.id = (select min(id) from ticket)")).isEqualTo("3");
    }
}
