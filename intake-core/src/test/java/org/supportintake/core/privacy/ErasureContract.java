package org.supportintake.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supportintake.attachments.inspection.Inspection;
import org.supportintake.attachments.inspection.MediaTypes;
import org.supportintake.attachments.policy.AttachmentVerdict;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.attachments.store.StagedFile;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.jdbc.JdbcAttachmentReferences;
import org.supportintake.core.jdbc.JdbcPersonalData;
import org.supportintake.core.quarantine.NewSetAside;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.EmailFacts;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.SettableClock;
import org.supportintake.core.testing.Submissions;

/** Erasure on request and retention on a real database: no personal data is left in any column or in the file store. */
public interface ErasureContract {

    String EMAIL = "ivanova@example.ru";
    String NAME = "Иванова Мария Петровна";
    String PHONE = "9123456789";
    String FORM_SUBJECT = "Не открывается кабинет Ивановой";
    String FORM_TEXT = "После ввода пароля страница кабинета Ивановой не загружается уже второй день.";
    String MAIL_SUBJECT = "Справка для Ивановой";
    String MAIL_TEXT = "Добрый день! Прошу выдать справку на имя Ивановой, паспорт 4510 123456.";
    String QUOTED = "Предыдущее письмо Ивановой о справке";
    String FILE_NAME = "паспорт-ивановой.png";
    String RATING_COMMENT = "Ответ Ивановой понравился";
    String SET_ASIDE_SUBJECT = "Пересылка от Ивановой";

    IntakeFixture intake();

    private static FileStore files() {
        try {
            return new FileStore(Files.createTempDirectory("erasure"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keep(FileStore files, String text) {
        StagedFile staged = files.stageWritten(out -> out.write(text.getBytes(StandardCharsets.UTF_8)), 1_000_000, 0);
        files.keep(staged);
        return staged.sha256();
    }

    private static ReceivedFile png(String name, String sha256) {
        return new ReceivedFile(name, MediaTypes.PNG, new Inspection(MediaTypes.PNG, 100, sha256, List.of()),
                AttachmentVerdict.accepted());
    }

    private RequesterErasure erasure(FileStore files) {
        return new RequesterErasure(new JdbcPersonalData(intake().jdbi()), files,
                new JdbcAttachmentReferences(intake().jdbi()), intake().clock());
    }

    /** Two tickets of the requester (a form and an email, the email with its raw file and a file), one of another. */
    private Stored storeTickets(FileStore files) {
        String raw = keep(files, "From: " + EMAIL + "\r\nSubject: " + MAIL_SUBJECT + "\r\n\r\n" + MAIL_TEXT);
        String ownFile = keep(files, "png of " + NAME);
        String sharedFile = keep(files, "a screenshot both sent");
        String otherRaw = keep(files, "From: petrov@example.ru\r\n\r\nДругой человек");
        assertThat(intake().service().accept(Submissions.form().sender("IVANOVA@Example.ru", NAME, "8 (912) 345-67-89")
                .subject(FORM_SUBJECT).text(FORM_TEXT).callbackTime("morning").build()))
                .isInstanceOf(IntakeOutcome.Created.class);
        String messageId = "<m1@mail.example.ru>";
        assertThat(intake().service().accept(Submission.builder(Channel.EMAIL, messageId, Submissions.MONDAY_NOON)
                .sender(EMAIL, NAME, "").subject(MAIL_SUBJECT).text(MAIL_TEXT)
                .attachment(png(FILE_NAME, ownFile)).attachment(png("screen.png", sharedFile))
                .emailFacts(new EmailFacts(messageId, "", List.of(), QUOTED, raw, List.of())).build()))
                .isInstanceOf(IntakeOutcome.Created.class);
        String otherId = "<p1@mail.example.ru>";
        assertThat(intake().service().accept(Submission.builder(Channel.EMAIL, otherId, Submissions.MONDAY_NOON)
                .sender("petrov@example.ru", "Пётр Петров", "").subject("Вопрос Петрова")
                .text("Добрый день! Не могу записаться на приём через портал.")
                .attachment(png("screen.png", sharedFile))
                .emailFacts(new EmailFacts(otherId, "", List.of(), "", otherRaw, List.of())).build()))
                .isInstanceOf(IntakeOutcome.Created.class);
        String asideRaw = keep(files, "From: " + EMAIL + "\r\nSubject: " + SET_ASIDE_SUBJECT + "\r\n\r\n...");
        intake().service().recordSetAside(new NewSetAside(Submissions.MONDAY_NOON, "support@localhost/INBOX",
                "<deep@mail.example.ru>", EMAIL, SET_ASIDE_SUBJECT, 100, asideRaw, "nested too deep"));
        intake().jdbi().useHandle(h -> h.execute("insert into rating (ticket_id, score, comment, rated_at) "
                + "select id, 5, ?, created_at from ticket where lower(requester_email) = ?", RATING_COMMENT, EMAIL));
        return new Stored(List.of(raw, ownFile, asideRaw), sharedFile, otherRaw);
    }

    record Stored(List<String> own, String shared, String other) {
    }

    private static List<String> needles() {
        return List.of(EMAIL, NAME, PHONE, FORM_SUBJECT, FORM_TEXT, MAIL_SUBJECT, MAIL_TEXT, QUOTED, FILE_NAME,
                RATING_COMMENT, SET_ASIDE_SUBJECT);
    }

    @Test
    default void theScanFindsTheRequesterBeforeErasure() {
        storeTickets(files());

        assertThat(PersonalDataScan.find(intake().jdbi(), needles())).contains("ticket.requester_email: " + EMAIL,
                "ticket.requester_phone: " + PHONE, "message.body: " + MAIL_TEXT, "message.quoted: " + QUOTED,
                "attachment.name: " + FILE_NAME, "outbox.recipient: " + EMAIL, "rating.comment: " + RATING_COMMENT,
                "set_aside_mail.subject: " + SET_ASIDE_SUBJECT);
    }

    @Test
    default void theConfirmationCountsTheRequestersTicketsInAnyCase() {
        storeTickets(files());

        assertThat(erasure(files()).preview(" Ivanova@EXAMPLE.ru ")).isEqualTo(new Erasure(2, 1, 0));
        assertThat(intake().text("select count(*) from ticket where erased_at is not null")).isEqualTo("0");
    }

    @Test
    default void erasureLeavesNoPersonalDataInAnyTableNorInTheFileStore() {
        FileStore files = files();
        Stored stored = storeTickets(files);
        String numbers = intake().text("select string_agg(number, ',' order by id) from ticket");

        Erasure erasure = erasure(files).erase(EMAIL, "отзыв согласия, заявление от " + EMAIL, "admin1");

        assertThat(erasure).isEqualTo(new Erasure(2, 1, 3));
        assertThat(PersonalDataScan.find(intake().jdbi(), needles())).isEmpty();
        stored.own().forEach(sha -> assertThat(files.pathOf(sha)).as("the requester's file %s", sha).doesNotExist());
        assertThat(files.pathOf(stored.shared())).as("a file another ticket also has").exists();
        assertThat(files.pathOf(stored.other())).exists();
        assertThat(intake().text("select string_agg(number, ',' order by id) from ticket")).isEqualTo(numbers);
        assertThat(intake().text("select count(*) from message")).isEqualTo("3");
        assertThat(intake().text("select count(*) from attachment")).isEqualTo("3");
        assertThat(intake().text("select string_agg(category || '/' || status, ',' order by id) from ticket"))
                .isEqualTo("technical_problem/accepted,/accepted,/accepted");
        assertThat(intake().text("select count(*) from intake_event where kind = 'requester_erased' and staff = 'admin1' "
                + "and detail = 'erased on request: отзыв согласия, заявление от i***@example.ru'")).isEqualTo("2");
        assertThat(intake().text("select count(*) from outbox where next_attempt_at is not null and recipient = ''"))
                .as("no mail is sent to an erased requester").isEqualTo("0");
        assertThat(intake().text("select requester_email from ticket where title = 'Вопрос Петрова'"))
                .isEqualTo("petrov@example.ru");
    }

    @Test
    default void retentionAnonymisesTicketsClosedLongerThanThePeriodAgo() {
        FileStore files = files();
        Stored stored = storeTickets(files);
        Instant closed = Instant.parse("2026-12-10T09:00:00Z");
        intake().jdbi().useHandle(h -> {
            h.execute("update ticket set status = 'closed' where requester_name = ? and channel = 'email'", NAME);
            h.execute("insert into intake_event (occurred_at, kind, channel, external_id, ticket_id, detail) "
                    + "select ?, 'ticket_closed', channel, number, id, 'closed' from ticket where status = 'closed'",
                    java.time.OffsetDateTime.ofInstant(closed, java.time.ZoneOffset.UTC));
        });
        SettableClock clock = new SettableClock();
        Retention retention = new Retention(new JdbcPersonalData(intake().jdbi()), files,
                new JdbcAttachmentReferences(intake().jdbi()), Period.parse("P3Y"), clock);

        clock.set(Instant.parse("2029-12-10T08:59:59Z"));
        assertThat(retention.run()).as("a second before three years").isZero();
        clock.set(Instant.parse("2029-12-10T09:00:01Z"));
        assertThat(retention.run()).isEqualTo(1);
        assertThat(retention.run()).as("not again").isZero();

        assertThat(intake().text("select count(*) from message where body like '%" + MAIL_TEXT + "%'")).isEqualTo("0");
        assertThat(intake().text("select count(*) from ticket where requester_email = '' and erased_at is not null"))
                .isEqualTo("1");
        assertThat(intake().text("select count(*) from message where body = '" + FORM_TEXT + "'"))
                .as("the open form ticket stays").isEqualTo("1");
        assertThat(intake().text("select detail from intake_event where kind = 'requester_erased'"))
                .isEqualTo("retention P3Y after closing");
        assertThat(files.pathOf(stored.own().get(0))).as("its raw mail").doesNotExist();
        assertThat(Duration.between(closed, clock.instant())).isPositive();
    }
}
