package org.supportintake.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportintake.core.testing.Submissions.email;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supportintake.attachments.inspection.Inspection;
import org.supportintake.attachments.inspection.MediaTypes;
import org.supportintake.attachments.policy.AttachmentVerdict;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.EmailFacts;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.Submissions;

/** Whatever a mail carries, every value fits its column and no control character reaches the database; H2 and PostgreSQL. */
public interface StoredValuesContract {

    IntakeFixture intake();

    @Test
    default void nulAndOtherControlCharactersNeverReachTheDatabase() {
        ReceivedFile file = new ReceivedFile("скан\u0000.png", "image/png\u0000\u0001",
                new Inspection(MediaTypes.PNG, 10, "ab".repeat(32), List.of()), AttachmentVerdict.accepted());
        var outcome = intake().service().accept(email().sender("petrov@example.ru", "Пётр\u0000 Петров\u001b", "")
                .subject("Тема\u0000 с\u0007 нулём").text("Строка\u0000 один\r\nстрока\tдва\u0000").attachment(file)
                .build());

        assertThat(outcome).isInstanceOf(IntakeOutcome.Created.class);
        var message = intake().jdbi().withHandle(h -> h.createQuery(
                "select m.sender_name, m.subject, m.body, t.title from message m join ticket t on t.id = m.ticket_id")
                .mapToMap().one());
        assertThat(message).containsEntry("sender_name", "Пётр Петров").containsEntry("subject", "Тема с нулём")
                .containsEntry("body", "Строка один\r\nстрока\tдва").containsEntry("title", "Тема с нулём");
        // A declared type with control characters is no media type: it declares nothing.
        assertThat(intake().text("select name || '|' || declared_type || '|' || detected_type from attachment"))
                .isEqualTo("скан.png||image/png");
    }

    @Test
    default void declaredTypeIsStoredAsTheMediaTypeItNamesWithoutParameters() {
        ReceivedFile file = new ReceivedFile("скан.png", "Image/PNG; name=\"скан.png\"; x=" + "y".repeat(300),
                new Inspection(MediaTypes.PNG, 10, "ab".repeat(32), List.of()), AttachmentVerdict.accepted());
        intake().service().accept(email().attachment(file).build());

        assertThat(intake().text("select declared_type || '|' || detected_type from attachment"))
                .isEqualTo("image/png|image/png");
    }

    @Test
    default void everyRejectionReasonIsStoredWholeInItsColumn() {
        var mail = email();
        for (RejectionReason reason : RejectionReason.values()) {
            mail.attachment(Submissions.file(reason.code() + ".pdf", MediaTypes.PDF, 10, AttachmentVerdict.rejected(reason)));
        }
        intake().service().accept(mail.build());

        List<String> stored = intake().jdbi().withHandle(h ->
                h.createQuery("select reason from attachment").mapTo(String.class).list());
        assertThat(stored).containsExactlyInAnyOrder(Arrays.stream(RejectionReason.values()).map(RejectionReason::code)
                        .toArray(String[]::new));
    }

    @Test
    default void messageIdLongerThanItsColumnIsKeptHashedAndRepliesToItStillThread() {
        String longId = "<" + "a".repeat(1200) + "@mail.example.ru>";
        var first = (IntakeOutcome.Created) intake().service().accept(longIdMail(longId).build());
        var reply = email().subject("Re: продолжение")
                .emailFacts(EmailFacts.headers("<r1@mail.example.ru>", longId, List.of(longId)));

        assertThat(intake().service().accept(reply.build())).isInstanceOfSatisfying(IntakeOutcome.FollowUp.class,
                followUp -> assertThat(followUp.ticketNumber()).isEqualTo(first.ticketNumber()));
        assertThat(intake().text("select message_id from message order by id limit 1")).startsWith("sha256:").hasSize(7 + 64);
        assertThat(intake().text("select in_reply_to from outbox order by id limit 1")).isEqualTo(longId);
    }

    @Test
    default void externalIdLongerThanItsColumnStillMakesTheSecondDeliveryADuplicate() {
        String longId = "<" + "b".repeat(1200) + "@mail.example.ru>";
        var first = (IntakeOutcome.Created) intake().service().accept(longIdMail(longId).build());

        assertThat(intake().service().accept(longIdMail(longId).build()))
                .isEqualTo(new IntakeOutcome.Duplicate(first.ticketNumber(), first.dueAt(), true));
        assertThat(intake().text("select external_id from message"))
                .isEqualTo(intake().text("select external_id from intake_event where kind = 'ticket_created'"))
                .startsWith("sha256:");
    }

    private static Submission.Builder longIdMail(String messageId) {
        return Submission.builder(Channel.EMAIL, messageId, Submissions.MONDAY_NOON)
                .sender("petrov@example.ru", "Пётр Петров", "").subject("Вопрос по записи")
                .text("Добрый день! Не могу записаться на приём через портал.")
                .emailFacts(EmailFacts.headers(messageId, "", List.of()));
    }

    @Test
    default void namesAndTypesLongerThanTheirColumnsAreCutToFit() {
        ReceivedFile file = new ReceivedFile("я".repeat(400) + ".png", "application/x-" + "z".repeat(400),
                new Inspection(MediaTypes.PNG, 10, "ab".repeat(32), List.of()), AttachmentVerdict.accepted());
        var outcome = intake().service().accept(email().sender("petrov@example.ru", "Пётр ".repeat(400), "")
                .subject("😀".repeat(300)).attachment(file).build());

        assertThat(outcome).isInstanceOf(IntakeOutcome.Created.class);
        assertThat(intake().text("select length(name) from attachment")).isEqualTo("255");
        assertThat(intake().text("select declared_type from attachment")).as("not a media type: nothing declared").isEmpty();
        assertThat(intake().text("select detected_type from attachment")).isEqualTo(MediaTypes.PNG);
        assertThat(intake().text("select sender_name from message")).hasSizeLessThanOrEqualTo(1000).startsWith("Пётр Пётр");
        assertThat(intake().text("select title from ticket")).isEqualTo("😀".repeat(100));
    }
}
