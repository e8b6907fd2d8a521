package org.supportintake.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12: a message that once stalled the mailbox, followed by twenty ordinary ones, on a real
 * IMAP server. The poison ends where it must (a ticket once its values fit, else {@code Failed}
 * with its reason and a {@code mail_failed} event), the twenty become twenty tickets, and nothing
 * of ours logs a stack overflow or lack of memory. Implemented for H2 and for PostgreSQL; the
 * implementations are {@code @TestInstance(PER_CLASS)} so that {@link #poisons()} may differ.
 */
interface PoisonMailContract {

    int ORDINARY = 20;

    /** The mail path on a fresh database and mailbox. */
    MailFixture mail();

    Stream<PoisonMail> poisons();

    /** Runs {@code poll} on a thread with the JVM's usual 1 MB stack, as a Quartz worker has (the test JVM's is deeper). */
    private static void onWorkerStack(Runnable poll) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(null, poll, "poll-worker", 1024 * 1024);
        worker.setUncaughtExceptionHandler((thread, e) -> failure.set(e));
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(failure.get()).as("poll threw").isNull();
    }

    @ParameterizedTest
    @MethodSource("poisons")
    default void poisonMessageNeverHoldsUpTheTwentyBehindIt(PoisonMail poison) {
        mail().deliver(poison.raw());
        for (int i = 0; i < ORDINARY; i++) {
            mail().deliver(MailFixture.mail("<after" + i + "@mail.example.ru>", "c" + i + "@mail.example.ru",
                    "Вопрос " + i, "Добрый день! Обращение номер " + i + ".", ""));
        }
        try (LogCapture ours = LogCapture.of("org.supportintake"); MailboxPoller poller = mail().poller()) {
            for (int poll = 0; poll < MailboxPoller.ATTEMPTS + 1 && mail().inFolder("INBOX") > 0; poll++) {
                onWorkerStack(poller::poll);
            }
            assertThat(ours.lines()).noneMatch(line -> line.contains("OutOfMemoryError") || line.contains("StackOverflowError"));
        }
        boolean failed = poison.ending() == PoisonMail.Ending.FAILED;
        boolean ticket = poison.ending() == PoisonMail.Ending.TICKET;
        assertThat(mail().inFolder("INBOX")).isZero();
        assertThat(mail().inFolder(MailboxPoller.FAILED)).isEqualTo(failed ? 1 : 0);
        assertThat(mail().inFolder(MailboxPoller.PROCESSED)).isEqualTo(failed ? ORDINARY : ORDINARY + 1);
        assertThat(mail().intake().rows("ticket")).isEqualTo(ticket ? ORDINARY + 1 : ORDINARY);
        assertThat(mail().intake().text("select count(*) from intake_event where kind = 'mail_failed'"))
                .isEqualTo(failed ? "1" : "0");
        assertThat(mail().intake().text("select count(*) from intake_event where kind = 'email_rejected'")).isEqualTo("0");
        if (failed) {
            assertThat(mail().intake().text("select detail from intake_event where kind = 'mail_failed'"))
                    .contains(poison.reason());
        }
    }
}
