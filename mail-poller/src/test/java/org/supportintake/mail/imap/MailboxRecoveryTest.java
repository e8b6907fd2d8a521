package org.supportintake.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.intake.IntakeStage;
import org.supportintake.core.intake.StageVerdict;

/**
 * The IMAP server goes away in the middle of a batch and comes back on the same address (a proxy
 * is cut and restored; GreenMail itself forgets its mail when stopped): every message still ends
 * up in exactly one ticket and the inbox empties. The cut comes from inside the intake of the
 * tenth message, so it falls in the middle of the first batch every time.
 */
class MailboxRecoveryTest {

    private static final int MESSAGES = 60;
    private static final int CUT_AFTER = 10;

    @RegisterExtension
    final MailboxAndDatabase mailbox = MailboxAndDatabase.onH2();

    @TempDir
    Path files;

    private MailFixture mail;
    private TcpProxy proxy;
    private final AtomicInteger accepted = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        proxy = new TcpProxy(mailbox.getImap().getPort());
        IntakeStage outageAfterTheTenth = context -> {
            if (accepted.incrementAndGet() == CUT_AFTER) {
                proxy.cut();
                restore();
            }
            return StageVerdict.proceed();
        };
        mail = mailbox.fixtureWithStage(files, outageAfterTheTenth);
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    @Test
    void serverLostMidBatchAndBackLosesAndDuplicatesNothing() {
        for (int i = 0; i < MESSAGES; i++) {
            mail.deliver(MailFixture.mail("<m" + i + "@mail.example.ru>", "c" + i + "@mail.example.ru",
                    "Вопрос " + i, "Текст обращения номер " + i, ""));
        }
        try (MailboxPoller poller = mail.poller(proxy.port())) {
            assertThat(poller.poll()).as("the first batch breaks off").isZero();
            // A batch is one commit: the outage during it leaves none of it committed, as a kill -9 would.
            assertThat(mail.intake().rows("ticket")).as("committed before the outage").isZero();
            assertThat(accepted.get()).as("taken up to the outage").isGreaterThanOrEqualTo(CUT_AFTER);
            assertThat(mail.inFolder("INBOX")).as("nothing moved on a lost connection").isEqualTo(MESSAGES);
            assertThat(poller.status().consecutiveFailures()).isEqualTo(1);

            for (int round = 0; round < 100 && mail.inFolder("INBOX") > 0; round++) {
                poller.poll();
                sleep(20);
            }
            assertThat(poller.status().consecutiveFailures()).isZero();
        }
        assertThat(mail.inFolder("INBOX")).isZero();
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(MESSAGES);
        assertThat(mail.intake().rows("ticket")).isEqualTo(MESSAGES);
        assertThat(mail.intake().rows("outbox")).isEqualTo(MESSAGES);
    }

    private void restore() {
        try {
            proxy.restore();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
