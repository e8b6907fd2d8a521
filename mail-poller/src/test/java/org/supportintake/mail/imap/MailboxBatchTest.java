package org.supportintake.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportintake.mail.imap.MailFixture.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLDataException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.testing.TestFiles;
import org.supportintake.core.intake.StageVerdict;

/** A batch taken in one commit: what one message's failure, and a death mid-batch, leave behind. */
class MailboxBatchTest {

    @RegisterExtension
    final MailboxAndDatabase mailbox = MailboxAndDatabase.onH2();

    @TempDir
    Path files;

    private static String citizen(int i, String subject) {
        return mail("<m" + i + "@mail.example.ru>", "c" + i + "@mail.example.ru", subject, "Добрый день! Обращение " + i + ".", "");
    }

    /** Tickets committed, as another connection sees them (Jdbi lends the polling thread its open handle). */
    private static long committedTickets(MailFixture mail) {
        return CompletableFuture.supplyAsync(() -> mail.intake().rows("ticket")).join();
    }

    @Test
    void batchWithOnePoisonedMessageIsTakenAgainOneAtATimeSoTheOthersCommitOnceAndThePoisonIsSetAside() {
        List<Long> committedBeforeTheLast = new ArrayList<>();
        MailFixture[] fixture = new MailFixture[1];
        MailFixture mail = mailbox.fixtureWithStage(files, context -> {
            if (context.submission().subject().contains("ОТРАВА")) {
                throw new IllegalStateException("insert failed",
                        new SQLDataException("value too long for type character varying(255)", "22001"));
            }
            if (context.submission().subject().contains("последнее")) {
                committedBeforeTheLast.add(committedTickets(fixture[0]));
            }
            return StageVerdict.proceed();
        });
        fixture[0] = mail;
        for (int i = 1; i <= 5; i++) {
            mail.deliver(citizen(i, i == 3 ? "Вопрос ОТРАВА" : i == 5 ? "Вопрос последнее" : "Вопрос " + i));
        }
        try (MailboxPoller poller = mail.poller()) {
            assertThat(poller.poll()).isEqualTo(5);
            assertThat(poller.poll()).isZero();
            assertThat(poller.status().setAside()).isEqualTo(1);
        }
        // Together first: the poison spoiled the batch before the last was reached. Then one at a time, after 1, 2 and 4.
        assertThat(committedBeforeTheLast).containsExactly(3L);
        assertThat(mail.intake().rows("ticket")).isEqualTo(4);
        assertThat(mail.intake().rows("(select distinct external_id from message) m")).isEqualTo(4);
        assertThat(mail.intake().text("select external_id || ' ' || kind from intake_event "
                + "where external_id = '<m3@mail.example.ru>'")).isEqualTo("<m3@mail.example.ru> mail_failed");
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(4);
        assertThat(mail.inFolder(MailboxPoller.FAILED)).isEqualTo(1);
        assertThat(mail.inFolder("INBOX")).isZero();
    }

    @Test
    void deathMidBatchLeavesNothingCommittedNothingMovedAndTheNextPollTakesEachOnce() {
        AtomicBoolean dead = new AtomicBoolean();
        List<String> seenAtTheMomentOfDeath = new ArrayList<>();
        MailFixture[] fixture = new MailFixture[1];
        MailFixture mail = mailbox.fixtureWithStage(files, context -> {
            if (context.submission().subject().contains("четыре") && !dead.getAndSet(true)) {
                // What a kill -9 here would leave: only what is committed, and the folders as they are.
                seenAtTheMomentOfDeath.add(committedTickets(fixture[0]) + " tickets, "
                        + fixture[0].inFolder(MailboxPoller.PROCESSED) + " processed, " + fixture[0].inFolder("INBOX")
                        + " in the inbox");
                throw new InternalError("the process dies here"); // FATAL: thrown, never contained
            }
            return StageVerdict.proceed();
        });
        fixture[0] = mail;
        List<String> numbers = List.of("один", "два", "три", "четыре", "пять");
        for (int i = 1; i <= 5; i++) {
            mail.deliver(citizen(i, "Вопрос " + numbers.get(i - 1)));
        }
        try (MailboxPoller poller = mail.poller()) {
            assertThatThrownBy(poller::poll).isInstanceOf(InternalError.class);
        }
        assertThat(seenAtTheMomentOfDeath).containsExactly("0 tickets, 0 processed, 5 in the inbox");
        assertThat(mail.intake().rows("ticket")).isZero();
        assertThat(mail.intake().rows("intake_event")).isZero();
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isZero();
        assertThat(mail.inFolder("INBOX")).isEqualTo(5);

        try (MailboxPoller restarted = mail.poller()) {
            assertThat(restarted.poll()).isEqualTo(5);
        }
        assertThat(mail.intake().rows("ticket")).isEqualTo(5);
        assertThat(mail.intake().rows("(select distinct external_id from message) m")).isEqualTo(5);
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(5);
        assertThat(mail.inFolder("INBOX")).isZero();
    }

    @Test
    void infrastructureFaultOfOneMessageInABatchCostsOnlyThatMessageAndThoseAfterIt() throws Exception {
        MailFixture mail = mailbox.fixture(files);
        byte[] png = TestFiles.png();
        mail.deliver(citizen(1, "Первый вопрос"));
        mail.deliver(mail("<scan@mail.example.ru>", "c2@mail.example.ru", "Снимок экрана", "", "")
                .replace("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n\n",
                        "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n"
                                + "Добрый день! Прикладываю снимок экрана.\n--b\nContent-Type: image/png; name=\"screen.png\"\n"
                                + "Content-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(png)
                                + "\n--b--\n"));
        mail.deliver(citizen(3, "Третий вопрос"));
        // As root, permissions do not stop a write: a file where the attachment's directory must go does.
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        Path blocked = files.resolve(sha256.substring(0, 2));
        Files.writeString(blocked, "not a directory");
        try (MailboxPoller poller = mail.poller()) {
            assertThat(poller.poll()).isZero();
            assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(1);
            assertThat(mail.inFolder("INBOX")).isEqualTo(2);
            assertThat(mail.intake().rows("ticket")).isEqualTo(1);

            Files.delete(blocked);
            Thread.sleep(300); // the backoff's first wait
            assertThat(poller.poll()).isEqualTo(2);
        }
        assertThat(mail.intake().rows("ticket")).isEqualTo(3);
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(3);
    }
}
