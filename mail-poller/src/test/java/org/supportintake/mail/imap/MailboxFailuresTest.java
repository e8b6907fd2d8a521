package org.supportintake.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportintake.mail.imap.MailFixture.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLDataException;
import java.sql.SQLTransactionRollbackException;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.testing.TestFiles;
import org.supportintake.core.intake.IntakeStage;
import org.supportintake.core.intake.StageVerdict;

/** What one message's fault costs (only that message) and what an infrastructure fault costs (a wait), on GreenMail. */
class MailboxFailuresTest {

    private static final String POISON = "ОТРАВА";

    @RegisterExtension
    final MailboxAndDatabase mailbox = MailboxAndDatabase.onH2();

    @TempDir
    Path files;

    /** The real path, with {@code failure} thrown inside the transaction of every message whose subject names the poison. */
    private MailFixture failingWith(RuntimeException failure) {
        IntakeStage poisoned = context -> {
            if (context.submission().subject().contains(POISON)) {
                throw failure;
            }
            return StageVerdict.proceed();
        };
        return mailbox.fixtureWithStage(files, poisoned);
    }

    private static String citizen(int i, String subject) {
        return mail("<m" + i + "@mail.example.ru>", "c" + i + "@mail.example.ru", subject, "Добрый день! Обращение " + i + ".", "");
    }

    @Test
    void messageTheDatabaseRefusesGoesToFailedWithItsReasonAndTheNextIsStillTaken() {
        MailFixture mail = failingWith(new IllegalStateException("insert failed",
                new SQLDataException("value too long for type character varying(255)", "22001")));
        mail.deliver(citizen(1, "Вопрос " + POISON));
        mail.deliver(citizen(2, "Обычный вопрос"));
        try (MailboxPoller poller = mail.poller()) {
            assertThat(poller.poll()).isEqualTo(2);
            assertThat(poller.status().setAside()).isEqualTo(1);
            assertThat(poller.status().consecutiveFailures()).isZero();
        }
        assertThat(mail.inFolder(MailboxPoller.FAILED)).isEqualTo(1);
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(1);
        assertThat(mail.intake().rows("ticket")).isEqualTo(1);
        assertThat(mail.intake().text("select external_id || ' ' || detail from intake_event where kind = 'mail_failed'"))
                .isEqualTo("<m1@mail.example.ru> the database refused the message (SQLState 22001)");
    }

    @Test
    void messageFailingInAWayThatMayPassIsTriedOnThreePollsThenSetAsideLoggedOnceWithItsStackTrace() {
        MailFixture mail = failingWith(new IllegalStateException("commit failed",
                new SQLTransactionRollbackException("could not serialize access", "40001")));
        mail.deliver(citizen(1, "Вопрос " + POISON));
        mail.deliver(citizen(2, "Обычный вопрос"));
        try (LogCapture log = LogCapture.of(MailboxPoller.class); MailboxPoller poller = mail.poller()) {
            assertThat(poller.poll()).isEqualTo(1);
            assertThat(mail.inFolder("INBOX")).isEqualTo(1);
            assertThat(poller.poll()).isZero();
            assertThat(mail.intake().rows("intake_event where kind = 'mail_failed'")).isZero();
            assertThat(poller.poll()).isEqualTo(1);

            assertThat(log.lines()).containsExactly(
                    "message <m1@mail.example.ru> failed (the database refused the message (SQLState 40001)); "
                            + "it stays in the inbox for the next poll [java.lang.IllegalStateException]",
                    "message <m1@mail.example.ru> failed again (2 of 3): the database refused the message (SQLState 40001)",
                    "message <m1@mail.example.ru> failed again (3 of 3): the database refused the message (SQLState 40001)");
        }
        assertThat(mail.inFolder("INBOX")).isZero();
        assertThat(mail.inFolder(MailboxPoller.FAILED)).isEqualTo(1);
        assertThat(mail.intake().text("select detail from intake_event where kind = 'mail_failed'"))
                .isEqualTo("failed 3 times: the database refused the message (SQLState 40001)");
    }

    @Test
    void unreachableDatabaseLeavesTheMailInTheInboxUntilItComesBack() {
        UnreachableDatabase database = new UnreachableDatabase(mailbox.dataSource());
        MailFixture mail = new MailFixture(mailbox, database, files);
        mail.deliver(citizen(1, "Первый вопрос"));
        mail.deliver(citizen(2, "Второй вопрос"));
        try (LogCapture log = LogCapture.of(MailboxPoller.class); MailboxPoller poller = mail.poller()) {
            database.goDown();
            assertThat(poller.poll()).isZero();
            pauseForBackoff();
            assertThat(poller.poll()).isZero();
            assertThat(mail.inFolder("INBOX")).isEqualTo(2);
            assertThat(mail.inFolder(MailboxPoller.FAILED)).isZero();
            assertThat(poller.status().consecutiveFailures()).isEqualTo(2);
            assertThat(poller.status().lastSuccessfulPoll()).isEmpty();
            assertThat(log.events()).hasSize(2);
            assertThat(log.events().get(0).getThrowableProxy()).isNotNull();
            assertThat(log.events().get(1).getThrowableProxy()).isNull();

            database.comeBack();
            pauseForBackoff();
            assertThat(poller.poll()).isEqualTo(2);
            assertThat(poller.status().consecutiveFailures()).isZero();
            assertThat(poller.status().lastSuccessfulPoll()).isPresent();
        }
        assertThat(mail.intake().rows("ticket")).isEqualTo(2);
        assertThat(mail.intake().rows("intake_event where kind = 'mail_failed'")).isZero();
    }

    @Test
    void fileStoreThatCannotWriteLeavesTheMailInTheInboxAndTheNextPollTakesItWithItsAttachment() throws Exception {
        MailFixture mail = mailbox.fixture(files);
        byte[] png = TestFiles.png();
        mail.deliver(mail("<scan@mail.example.ru>", "c1@mail.example.ru", "Снимок экрана", "", "")
                .replace("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n\n",
                        "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n"
                                + "Добрый день! Прикладываю снимок экрана.\n--b\nContent-Type: image/png; name=\"screen.png\"\n"
                                + "Content-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(png)
                                + "\n--b--\n"));
        // As root, permissions do not stop a write: a file where the attachment's directory must go does.
        String sha256 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(png));
        Path blocked = files.resolve(sha256.substring(0, 2));
        Files.writeString(blocked, "not a directory");
        try (MailboxPoller poller = mail.poller()) {
            assertThat(poller.poll()).isZero();
            assertThat(mail.inFolder("INBOX")).isEqualTo(1);
            assertThat(mail.intake().rows("ticket")).isZero();
            assertThat(mail.intake().rows("intake_event")).isZero();
            assertThat(poller.status().consecutiveFailures()).isEqualTo(1);

            Files.delete(blocked);
            pauseForBackoff();
            assertThat(poller.poll()).isEqualTo(1);
        }
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(1);
        assertThat(mail.intake().text("select a.name || ' ' || a.verdict from attachment a join message m on m.id = a.message_id "
                + "join ticket t on t.id = m.ticket_id")).isEqualTo("screen.png accepted");
    }

    private static void pauseForBackoff() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
