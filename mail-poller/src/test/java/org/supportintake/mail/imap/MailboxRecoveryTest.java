package org.supportintake.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.testing.TestDatabases;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The IMAP server goes away in the middle of a batch and comes back on the same address (a proxy
 * is cut and restored; GreenMail itself forgets its mail when stopped): every message still ends
 * up in exactly one ticket and the inbox empties.
 */
class MailboxRecoveryTest {

    private static final int MESSAGES = 60;

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @TempDir
    Path files;

    private HikariDataSource dataSource;
    private MailFixture mail;
    private TcpProxy proxy;

    @BeforeEach
    void setUp() throws IOException {
        dataSource = TestDatabases.h2();
        mail = new MailFixture(greenMail, dataSource, files);
        proxy = new TcpProxy(greenMail.getImap().getPort());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
        dataSource.close();
    }

    @Test
    void serverLostMidBatchAndBackLosesAndDuplicatesNothing() throws Exception {
        for (int i = 0; i < MESSAGES; i++) {
            mail.deliver(MailFixture.mail("<m" + i + "@mail.example.ru>", "c" + i + "@mail.example.ru",
                    "Вопрос " + i, "Текст обращения номер " + i, ""));
        }
        try (MailboxPoller poller = mail.poller(proxy.port())) {
            Thread outage = new Thread(() -> {
                sleep(400);
                proxy.cut();
                sleep(300);
                try {
                    proxy.restore();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            outage.start();
            for (int round = 0; round < 400 && mail.inFolder("INBOX") > 0; round++) {
                poller.poll();
                sleep(20);
            }
            outage.join();
        }
        assertThat(mail.inFolder("INBOX")).isZero();
        assertThat(mail.inFolder(MailboxPoller.PROCESSED)).isEqualTo(MESSAGES);
        assertThat(mail.intake().rows("ticket")).isEqualTo(MESSAGES);
        assertThat(mail.intake().rows("outbox")).isEqualTo(MESSAGES);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
