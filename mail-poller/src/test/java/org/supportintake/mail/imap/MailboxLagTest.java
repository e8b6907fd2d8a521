package org.supportintake.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportintake.mail.imap.MailFixture.mail;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The poller tells when the oldest message still waiting in the inbox arrived (the metrics' mailbox lag). */
class MailboxLagTest {

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
    void mailLeftAfterABatchIsWaitingUntilAPollEmptiesTheInbox() {
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 60; i++) {
            mail.deliver(mail("<lag" + i + "@mail.example.ru>", "c" + i + "@mail.example.ru", "Вопрос " + i,
                    "Обращение " + i + ".", ""));
        }
        try (MailboxPoller poller = mail.poller()) {
            assertThat(poller.oldestWaiting()).as("before any poll").isEmpty();

            assertThat(poller.poll()).isEqualTo(50);
            assertThat(poller.oldestWaiting()).hasValueSatisfying(at -> assertThat(at).isBetween(before, Instant.now()));

            assertThat(poller.poll()).isEqualTo(10);
            assertThat(poller.oldestWaiting()).as("the inbox is empty").isEmpty();
        }
    }
}
