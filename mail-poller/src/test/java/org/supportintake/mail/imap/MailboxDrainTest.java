package org.supportintake.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportintake.mail.imap.MailFixture.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLDataException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.intake.StageVerdict;

/**
 * Batch after batch on one open inbox, the next fetched while the last commits and moves: every message taken once,
 * whatever one batch's fault or a death mid-drain leaves.
 */
class MailboxDrainTest {

    private static final int BATCH = 3;

    @RegisterExtension
    final MailboxAndDatabase mailbox = MailboxAndDatabase.onH2();

    @TempDir
    Path files;

    /** The real path, with {@code failure} thrown inside the transaction of mail 2, each time it is taken. */
    private MailFixture failingOnTheSecond(RuntimeException failure) {
        return mailbox.fixtureWithStage(files, context -> {
            if (context.submission().subject().equals("Вопрос 2")) {
                throw failure;
            }
            return StageVerdict.proceed();
        });
    }

    /** Mails 1 to {@code count}, oldest first; subjects "Вопрос N". */
    private static void deliver(MailFixture mail, int count) {
        for (int i = 1; i <= count; i++) {
            mail.deliver(mail("<d" + i + "@mail.example.ru>", "c" + i + "@mail.example.ru", "Вопрос " + i,
                    "Добрый день! Обращение " + i + ".", ""));
        }
    }

    /** Every ticket once: as many tickets as distinct messages, and as many as {@code count}. */
    private static void assertEachTakenOnce(MailFixture mail, int count) {
        assertThat(mail.intake().rows("ticket")).isEqualTo(count);
        assertThat(mail.intake().rows("(select distinct external_id from message) m")).isEqualTo(count);
    }

    @Test
    void drainTakesBatchAfterBatchUntilTheInboxIsEmpty() {
        MailFixture mail = mailbox.fixture(files);
        deliver(mail, 10);
        try (MailboxPoller poller = mail.pollerInBatchesOf(BATCH, new FolderMoves())) {
            assertThat(poller.drain(100)).isEqualTo(10);
            assertThat(poller.oldestWaiting()).as("the inbox is empty").isEmpty();
            assertThat(poller.drain(100)).isZero();
        }
        assertEachTakenOnce(mail, 10);
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(10);
        assertThat(mail.inFolder("INBOX")).isZero();
    }

    @Test
    void drainStopsAfterItsLastBatchAndTheNextDrainGoesOn() {
        MailFixture mail = mailbox.fixture(files);
        deliver(mail, 10);
        try (MailboxPoller poller = mail.pollerInBatchesOf(BATCH, new FolderMoves())) {
            assertThat(poller.drain(2)).isEqualTo(6);
            assertThat(mail.inFolder("INBOX")).isEqualTo(4);
            assertThat(poller.oldestWaiting()).as("mail is waiting").isPresent();
            assertThat(poller.drain(2)).isEqualTo(4);
        }
        assertEachTakenOnce(mail, 10);
    }

    @Test
    void nextBatchIsFetchedAndReadWhileTheLastOneMoves() {
        MailFixture mail = mailbox.fixture(files);
        deliver(mail, 2 * BATCH);
        List<Long> rawMailsKeptAtTheFirstMove = new ArrayList<>();
        FolderMoves waitingForTheNextBatch = new FolderMoves() {
            @Override
            void move(IMAPFolder inbox, List<Message> messages, Folder target) throws MessagingException {
                if (rawMailsKeptAtTheFirstMove.isEmpty()) {
                    // Taken one batch at a time, the second batch's mails would never be kept before this move.
                    rawMailsKeptAtTheFirstMove.add(waitForKept(2 * BATCH));
                }
                super.move(inbox, messages, target);
            }
        };
        try (MailboxPoller poller = mail.pollerInBatchesOf(BATCH, waitingForTheNextBatch)) {
            assertThat(poller.drain(100)).isEqualTo(2 * BATCH);
        }
        assertThat(rawMailsKeptAtTheFirstMove).containsExactly((long) 2 * BATCH);
        assertEachTakenOnce(mail, 2 * BATCH);
    }

    @Test
    void batchTakenOneAtATimeAfterAPoisonedMessageStillLeavesTheNextBatchToBeTakenOnce() {
        MailFixture mail = failingOnTheSecond(new IllegalStateException("insert failed",
                new SQLDataException("value too long for type character varying(255)", "22001")));
        deliver(mail, 3 * BATCH);
        try (MailboxPoller poller = mail.pollerInBatchesOf(BATCH, new FolderMoves())) {
            assertThat(poller.drain(100)).isEqualTo(3 * BATCH);
        }
        assertEachTakenOnce(mail, 3 * BATCH - 1);
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(3 * BATCH - 1);
        assertThat(mail.inFolder(MailboxPoller.FAILED)).isEqualTo(1);
        assertThat(mail.inFolder("INBOX")).isZero();
    }

    @Test
    void batchThatLeavesAMessageBehindEndsTheDrainAndTheMailFetchedAheadStaysInTheInbox() {
        MailFixture mail = failingOnTheSecond(new IllegalStateException("commit failed",
                new SQLTransactionRollbackException("could not serialize access", "40001")));
        deliver(mail, 2 * BATCH);
        try (MailboxPoller poller = mail.pollerInBatchesOf(BATCH, new FolderMoves())) {
            assertThat(poller.drain(100)).isEqualTo(BATCH - 1);
            assertThat(mail.inFolder("INBOX")).isEqualTo(BATCH + 1);
            assertThat(mail.intake().rows("ticket")).isEqualTo(BATCH - 1);
        }
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(BATCH - 1);
    }

    @Test
    void deathInTheSecondBatchLeavesTheFirstCommittedAndMovedAndTheNextDrainTakesTheRestOnce() {
        AtomicBoolean dead = new AtomicBoolean();
        MailFixture mail = mailbox.fixtureWithStage(files, context -> {
            if (context.submission().subject().equals("Вопрос 5") && !dead.getAndSet(true)) {
                throw new InternalError("the process dies here");
            }
            return StageVerdict.proceed();
        });
        deliver(mail, 3 * BATCH);
        try (MailboxPoller poller = mail.pollerInBatchesOf(BATCH, new FolderMoves())) {
            assertThatThrownBy(() -> poller.drain(100)).isInstanceOf(InternalError.class);
        }
        assertThat(mail.intake().rows("ticket")).isEqualTo(BATCH);
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(BATCH);
        assertThat(mail.inFolder("INBOX")).isEqualTo(2 * BATCH);

        try (MailboxPoller restarted = mail.pollerInBatchesOf(BATCH, new FolderMoves())) {
            assertThat(restarted.drain(100)).isEqualTo(2 * BATCH);
        }
        assertEachTakenOnce(mail, 3 * BATCH);
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(3 * BATCH);
    }

    /** Waits up to five seconds for {@code count} raw mails kept in the store; returns how many there are. */
    private long waitForKept(int count) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long kept = kept();
        while (kept < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            kept = kept();
        }
        return kept;
    }

    private long kept() {
        try (Stream<Path> all = Files.walk(files)) {
            return all.filter(Files::isRegularFile).filter(file -> !file.startsWith(files.resolve("staging"))).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
