package org.supportintake.core.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.attachments.store.StagedFile;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.jdbc.JdbcAttachmentReferences;
import org.supportintake.core.jdbc.JdbcQuarantine;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.ticket.TicketNumber;

/** The quarantine's store and desk on a real database: what is recorded, listed, replayed and deleted. */
public interface QuarantineContract {

    IntakeFixture intake();

    private FileStore files() {
        try {
            return new FileStore(Files.createTempDirectory("quarantine"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keep(FileStore files, String text) {
        StagedFile staged = files.stageWritten(out -> out.write(text.getBytes(StandardCharsets.UTF_8)), 1_000_000, 0);
        files.keep(staged);
        return staged.sha256();
    }

    private long setAside(String externalId, String rawSha256) {
        return intake().service().recordSetAside(new NewSetAside(Submissions.MONDAY_NOON, "support@localhost/INBOX",
                externalId, "poison@mail.example.ru", "Пересылка пересылки", 4321, rawSha256,
                "MIME parts nested deeper than 20 levels"));
    }

    private SetAsideDesk desk(FileStore files, MailReplay replay) {
        return new SetAsideDesk(new JdbcQuarantine(intake().jdbi()), replay, files,
                new JdbcAttachmentReferences(intake().jdbi()), intake().clock());
    }

    @Test
    default void setAsideMailIsOneRowBesideItsMailFailedEvent() {
        long id = setAside("<deep@mail.example.ru>", "ab".repeat(32));

        SetAsideMail mail = new JdbcQuarantine(intake().jdbi()).find(id).orElseThrow();
        assertThat(mail.mail()).isEqualTo(new NewSetAside(Submissions.MONDAY_NOON, "support@localhost/INBOX",
                "<deep@mail.example.ru>", "poison@mail.example.ru", "Пересылка пересылки", 4321, "ab".repeat(32),
                "MIME parts nested deeper than 20 levels"));
        assertThat(mail.state()).isEqualTo(SetAsideState.WAITING);
        assertThat(mail.setAsideAt()).isEqualTo(intake().clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(mail.replayOutcome()).isEmpty();
        assertThat(mail.handledAt()).isEmpty();
        assertThat(intake().text("select detail from intake_event where kind = 'mail_failed' and external_id = '<deep@mail.example.ru>'"))
                .isEqualTo("MIME parts nested deeper than 20 levels");
    }

    @Test
    default void mailOverTheSizeLimitHasNoRawFile() {
        long id = setAside("imap:support@localhost:7", "");

        SetAsideMail mail = new JdbcQuarantine(intake().jdbi()).find(id).orElseThrow();
        assertThat(mail.mail().rawSha256()).isEmpty();
        assertThat(mail.rawKept()).isFalse();
        assertThat(intake().text("select count(*) from set_aside_mail where raw_sha256 is null")).isEqualTo("1");
    }

    @Test
    default void pagesAreNewestFirstWithACursor() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(setAside("<m" + i + "@x>", ""));
        }
        JdbcQuarantine quarantine = new JdbcQuarantine(intake().jdbi());

        Quarantine.Page first = quarantine.page(Optional.empty(), 3);
        Quarantine.Page second = quarantine.page(first.next(), 3);

        assertThat(first.mails()).extracting(SetAsideMail::id).containsExactly(ids.get(4), ids.get(3), ids.get(2));
        assertThat(second.mails()).extracting(SetAsideMail::id).containsExactly(ids.get(1), ids.get(0));
        assertThat(second.next()).isEmpty();
    }

    @Test
    default void aWaitingMailKeepsItsRawFileFromTheSweeper() {
        FileStore files = files();
        String sha = keep(files, "Subject: poison\r\n\r\nbody");
        long id = setAside("<deep@mail.example.ru>", sha);
        JdbcAttachmentReferences references = new JdbcAttachmentReferences(intake().jdbi());

        assertThat(references.isReferenced(sha)).isTrue();
        desk(files, mail -> new ReplayOutcome.RawMissing()).delete(id, "supervisor1");
        assertThat(references.isReferenced(sha)).isFalse();
    }

    @Test
    default void deleteMarksTheRowAndRemovesItsRawFileOnly() {
        FileStore files = files();
        String sha = keep(files, "Subject: poison\r\n\r\nbody");
        String other = keep(files, "Subject: other\r\n\r\nbody");
        long id = setAside("<deep@mail.example.ru>", sha);
        long kept = setAside("<other@mail.example.ru>", other);

        assertThat(desk(files, mail -> new ReplayOutcome.RawMissing()).delete(id, "supervisor1")).isTrue();

        SetAsideMail deleted = new JdbcQuarantine(intake().jdbi()).find(id).orElseThrow();
        assertThat(deleted.state()).isEqualTo(SetAsideState.DELETED);
        assertThat(deleted.handledBy()).isEqualTo("supervisor1");
        assertThat(Files.exists(files.pathOf(sha))).isFalse();
        assertThat(Files.exists(files.pathOf(other))).isTrue();
        assertThat(new JdbcQuarantine(intake().jdbi()).find(kept).orElseThrow().state()).isEqualTo(SetAsideState.WAITING);
        assertThat(intake().rows("set_aside_mail")).isEqualTo(2);
        assertThat(desk(files, mail -> new ReplayOutcome.RawMissing()).delete(id, "supervisor1")).as("twice").isFalse();
    }

    @Test
    default void deleteKeepsARawFileThatAStoredMessageStillUses() {
        FileStore files = files();
        String sha = keep(files, "Subject: same bytes\r\n\r\nbody");
        var email = Submissions.email().build();
        var withRaw = org.supportintake.core.submission.Submission.builder(email.channel(), email.externalId(),
                        email.receivedAt()).sender("petrov@example.ru", "Пётр Петров", "").subject("Вопрос")
                .text("Добрый день! Не могу записаться на приём через портал.")
                .emailFacts(new org.supportintake.core.submission.EmailFacts(email.externalId(), "", List.of(), "",
                        sha, List.of())).build();
        assertThat(intake().service().accept(withRaw)).isInstanceOf(IntakeOutcome.Created.class);
        long id = setAside("<copy@mail.example.ru>", sha);

        desk(files, mail -> new ReplayOutcome.RawMissing()).delete(id, "supervisor1");

        assertThat(Files.exists(files.pathOf(sha))).isTrue();
    }

    @Test
    default void replayNotesItsOutcomeAndWhoAndWhen() {
        FileStore files = files();
        String sha = keep(files, "Subject: x\r\n\r\nbody");
        long id = setAside("<deep@mail.example.ru>", sha);
        TicketNumber number = TicketNumber.of(26, 42);

        Optional<ReplayOutcome> outcome = desk(files, mail -> new ReplayOutcome.Created(number)).replay(id, "operator1");

        assertThat(outcome).contains(new ReplayOutcome.Created(number));
        SetAsideMail mail = new JdbcQuarantine(intake().jdbi()).find(id).orElseThrow();
        assertThat(mail.state()).isEqualTo(SetAsideState.REPLAYED);
        assertThat(mail.replayOutcome()).isEqualTo("Создано обращение " + number);
        assertThat(mail.handledBy()).isEqualTo("operator1");
        assertThat(mail.handledAt()).isPresent();
    }

    @Test
    default void aReplayThatSetsTheMailAsideAgainLeavesItWaiting() {
        FileStore files = files();
        long id = setAside("<deep@mail.example.ru>", keep(files, "Subject: x\r\n\r\nbody"));

        desk(files, mail -> new ReplayOutcome.SetAsideAgain("still nested too deep")).replay(id, "operator1");

        SetAsideMail mail = new JdbcQuarantine(intake().jdbi()).find(id).orElseThrow();
        assertThat(mail.state()).isEqualTo(SetAsideState.WAITING);
        assertThat(mail.replayOutcome()).isEqualTo("Снова отложено: still nested too deep");
    }

    @Test
    default void mailWithoutItsRawFileIsNotReplayedAndDeletedMailNotAtAll() {
        FileStore files = files();
        long over = setAside("imap:x:1", "");
        long deleted = setAside("<gone@x>", keep(files, "Subject: gone\r\n\r\nbody"));
        List<SetAsideMail> replayed = new ArrayList<>();
        SetAsideDesk desk = desk(files, mail -> {
            replayed.add(mail);
            return new ReplayOutcome.Created(TicketNumber.of(26, 1));
        });
        desk.delete(deleted, "supervisor1");

        assertThat(desk.replay(over, "operator1")).contains(new ReplayOutcome.RawMissing());
        assertThat(desk.replay(deleted, "operator1")).isEmpty();
        assertThat(desk.replay(999_999, "operator1")).isEmpty();
        assertThat(replayed).isEmpty();
    }
}
