package org.supportintake.mail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.intake.DropDuplicate;
import org.supportintake.core.intake.StageVerdict;
import org.supportintake.core.jdbc.JdbcAttachmentReferences;
import org.supportintake.core.jdbc.JdbcQuarantine;
import org.supportintake.core.quarantine.ReplayOutcome;
import org.supportintake.core.quarantine.SetAsideDesk;
import org.supportintake.core.quarantine.SetAsideMail;
import org.supportintake.core.quarantine.SetAsideState;
import org.supportintake.mail.SetAsideReplay;

/** Mail set aside on a real IMAP server lands in the quarantine with its raw file, and replay takes it in again. */
class SetAsideMailTest {

    @RegisterExtension
    final MailboxAndDatabase mailbox = MailboxAndDatabase.onH2();

    @TempDir
    Path files;

    /** While set, the intake path fails the way a serialization conflict does: something that may pass. */
    private final AtomicBoolean conflict = new AtomicBoolean();
    private MailFixture mail;

    @BeforeEach
    void setUp() {
        mail = mailbox.fixture(files, intake -> intake.serviceWithStageAfter(DropDuplicate.class,
                context -> {
                    if (conflict.get()) {
                        throw new IllegalStateException(new SQLException("could not serialize access", "40001"));
                    }
                    return StageVerdict.proceed();
                }));
    }

    private SetAsideMail onlySetAside() {
        assertThat(mail.intake().rows("set_aside_mail")).isEqualTo(1);
        long id = Long.parseLong(mail.intake().text("select max(id) from set_aside_mail"));
        return new JdbcQuarantine(mail.intake().jdbi()).find(id).orElseThrow();
    }

    private SetAsideDesk desk() {
        return new SetAsideDesk(new JdbcQuarantine(mail.intake().jdbi()),
                new SetAsideReplay(mail.mailIntake(), mail.store()), mail.store(),
                new JdbcAttachmentReferences(mail.intake().jdbi()), mail.intake().clock());
    }

    @Test
    void aPoisonMailLandsInTheQuarantineWithItsRawFile() throws Exception {
        mail.deliver(PoisonMail.DEEP_RFC822.raw());
        try (MailboxPoller poller = mail.poller()) {
            poller.poll();
        }

        assertThat(mail.inFolder(MailboxPoller.FAILED)).isEqualTo(1);
        SetAsideMail aside = onlySetAside();
        assertThat(aside.mail().externalId()).isEqualTo("<deep@mail.example.ru>");
        assertThat(aside.mail().sender()).isEqualTo("poison@mail.example.ru");
        assertThat(aside.mail().subject()).isEqualTo("Пересылка пересылки");
        assertThat(aside.mail().reason()).startsWith(PoisonMail.DEEP_RFC822.reason());
        assertThat(aside.mail().mailbox()).isEqualTo(MailFixture.ADDRESS + "@127.0.0.1:" + mailbox.getImap().getPort()
                + "/INBOX");
        assertThat(aside.state()).isEqualTo(SetAsideState.WAITING);
        Path raw = mail.store().pathOf(aside.mail().rawSha256());
        assertThat(Files.size(raw)).isEqualTo(aside.mail().sizeBytes()).isGreaterThan(10_000);
        assertThat(Files.readString(raw)).contains("Subject: innermost");
        assertThat(new JdbcAttachmentReferences(mail.intake().jdbi()).isReferenced(aside.mail().rawSha256())).isTrue();
    }

    @Test
    void replayOfAMailSetAsideForATransientFaultMakesATicketOnce() {
        conflict.set(true);
        mail.deliver(MailFixture.mail("<conflict@mail.example.ru>", "Анна <anna@mail.example.ru>", "Не работает вход",
                "Добрый день! Не могу войти в личный кабинет.", ""));
        try (MailboxPoller poller = mail.poller()) {
            for (int poll = 0; poll < MailboxPoller.ATTEMPTS; poll++) {
                poller.poll();
            }
        }
        assertThat(mail.inFolder(MailboxPoller.FAILED)).isEqualTo(1);
        SetAsideMail aside = onlySetAside();
        assertThat(aside.mail().reason()).startsWith("failed 3 times: the database refused the message (SQLState 40001)");
        assertThat(aside.mail().sender()).isEqualTo("anna@mail.example.ru");
        conflict.set(false);

        ReplayOutcome first = desk().replay(aside.id(), "operator1").orElseThrow();
        ReplayOutcome second = desk().replay(aside.id(), "operator1").orElseThrow();

        assertThat(first).isInstanceOf(ReplayOutcome.Created.class);
        String number = ((ReplayOutcome.Created) first).ticketNumber().toString();
        assertThat(second).isEqualTo(new ReplayOutcome.Duplicate(((ReplayOutcome.Created) first).ticketNumber()));
        assertThat(mail.intake().rows("ticket")).isEqualTo(1);
        assertThat(mail.intake().text("select number from ticket")).isEqualTo(number);
        assertThat(mail.intake().text("select title from ticket")).isEqualTo("Не работает вход");
        SetAsideMail replayed = new JdbcQuarantine(mail.intake().jdbi()).find(aside.id()).orElseThrow();
        assertThat(replayed.state()).isEqualTo(SetAsideState.REPLAYED);
        assertThat(replayed.replayOutcome()).contains(number).startsWith("Уже было принято ранее");
        assertThat(mail.intake().rows("set_aside_mail")).as("a replay adds no row").isEqualTo(1);
    }

    @Test
    void replayOfThePoisonSetsItAsideAgainWithItsReason() {
        mail.deliver(PoisonMail.DEEP_RFC822.raw());
        try (MailboxPoller poller = mail.poller()) {
            poller.poll();
        }
        SetAsideMail aside = onlySetAside();

        ReplayOutcome outcome = desk().replay(aside.id(), "operator1").orElseThrow();

        assertThat(outcome).isEqualTo(new ReplayOutcome.SetAsideAgain(aside.mail().reason()));
        assertThat(mail.intake().rows("ticket")).isZero();
        assertThat(new JdbcQuarantine(mail.intake().jdbi()).find(aside.id()).orElseThrow().state())
                .isEqualTo(SetAsideState.WAITING);
    }
}
