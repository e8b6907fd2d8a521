package org.supportintake.core.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportintake.core.work.TicketWorkContract.moscow;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.supportintake.attachments.policy.AttachmentVerdict;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.jdbc.JdbcOutboxQueue;
import org.supportintake.core.jdbc.JdbcTicketFiles;
import org.supportintake.core.log.EventKind;
import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.EmailFacts;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.SettableClock;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.testing.TestClocks;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.ticket.TicketStatus;

/** What staff read of one ticket, on every database; implemented for H2 and PostgreSQL. */
public interface TicketFilesContract {

    String STAFF = "operator.petrova";

    IntakeFixture intake();

    private TicketFiles files() {
        return new JdbcTicketFiles(intake().jdbi());
    }

    /** A form ticket with no files, then the citizen's email on it with a quote, one accepted and one rejected file. */
    private TicketNumber ticketWithFollowUp() {
        var created = (IntakeOutcome.Created) intake().service().accept(Submissions.form(moscow("2026-12-03T12:00"))
                .callbackTime("morning").build());
        String messageId = "<follow-up@mail.example.ru>";
        intake().service().accept(Submissions.email(moscow("2026-12-03T13:00"))
                .sender("ivanova@example.ru", "Мария Иванова", "")
                .subject("Re: [№ " + created.ticketNumber() + "] дополнение")
                .previousTicket(created.ticketNumber().toString())
                .text("Прикладываю снимок экрана.")
                .emailFacts(new EmailFacts(messageId, "", List.of(), "> После ввода пароля страница не загружается.",
                        "", List.of()))
                .attachment(Submissions.png("screen.png", 2048))
                .attachment(Submissions.file("invoice.exe", "application/x-msdownload", 4096,
                        AttachmentVerdict.rejected(RejectionReason.TYPE_NOT_ALLOWED)))
                .build());
        return created.ticketNumber();
    }

    @Test
    default void theFileHoldsTheRequesterAsGivenOnTheForm() {
        var number = ticketWithFollowUp();

        TicketFile file = files().find(number).orElseThrow();

        assertThat(file.summary().number()).isEqualTo(number);
        assertThat(file.summary().status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(file.summary().channel()).isEqualTo(Channel.FORM);
        assertThat(file.summary().category()).isEqualTo("technical_problem");
        assertThat(file.summary().assignee()).isEmpty();
        assertThat(file.requester()).isEqualTo(new TicketFile.Requester("Иванова Мария Петровна", "ivanova@example.ru",
                "+79123456789", "morning", Optional.of(moscow("2026-12-03T12:00")), Optional.of("pd-consent-2026-01")));
    }

    @Test
    default void everyMessageComesInOrderWithItsQuotedPartApartAndItsFiles() {
        var number = ticketWithFollowUp();

        List<TicketFile.Message> messages = files().find(number).orElseThrow().messages();

        assertThat(messages).extracting(TicketFile.Message::channel).containsExactly(Channel.FORM, Channel.EMAIL);
        assertThat(messages).extracting(TicketFile.Message::receivedAt)
                .containsExactly(moscow("2026-12-03T12:00"), moscow("2026-12-03T13:00"));
        TicketFile.Message followUp = messages.get(1);
        assertThat(followUp.direction()).isEqualTo("in");
        assertThat(followUp.senderName()).isEqualTo("Мария Иванова");
        assertThat(followUp.senderEmail()).isEqualTo("ivanova@example.ru");
        assertThat(followUp.subject()).isEqualTo("Re: [№ " + number + "] дополнение");
        assertThat(followUp.text()).isEqualTo("Прикладываю снимок экрана.");
        assertThat(followUp.quoted()).isEqualTo("> После ввода пароля страница не загружается.");
        assertThat(messages.get(0).attachments()).isEmpty();
        assertThat(followUp.attachments()).extracting(TicketFile.Attachment::name, TicketFile.Attachment::detectedType,
                        TicketFile.Attachment::size, TicketFile.Attachment::accepted, TicketFile.Attachment::reasonSentence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("screen.png", "image/png", 2048L, true, ""),
                        org.assertj.core.groups.Tuple.tuple("invoice.exe", "application/x-msdownload", 4096L, false,
                                "такой тип файлов не принимается"));
        assertThat(followUp.attachments().get(1).reason()).contains(RejectionReason.TYPE_NOT_ALLOWED);
    }

    @Test
    default void onlyAnAcceptedFileCanBeFetchedAndItNamesItsTicketAndContentAddress() {
        var number = ticketWithFollowUp();
        var attachments = files().find(number).orElseThrow().messages().get(1).attachments();

        var accepted = files().accepted(attachments.get(0).id());

        assertThat(accepted).contains(new TicketFiles.StoredAttachment(attachments.get(0).id(), number, "screen.png",
                "image/png", 2048, "ab".repeat(32)));
        assertThat(files().accepted(attachments.get(1).id())).as("rejected: never stored").isEmpty();
        assertThat(files().accepted(987_654_321L)).isEmpty();
    }

    @Test
    default void eventsNameTheStaffWhoMovedTheTicketAndMailsTellTheirState() {
        var number = ticketWithFollowUp();
        var clock = new SettableClock();
        // after the ticket and its follow-up, wherever .ci/clocks puts the fixtures' clock
        Instant taken = TestClocks.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        clock.set(taken);
        intake().work(clock).take(number, STAFF);
        var queue = new JdbcOutboxQueue(intake().jdbi());
        long first = queue.due(Instant.parse("2030-01-01T00:00:00Z"), 10).get(0);
        queue.sent(first, moscow("2026-12-03T12:01"));
        long second = queue.due(Instant.parse("2030-01-01T00:00:00Z"), 10).get(0);
        queue.retryAt(second, moscow("2026-12-03T15:00"), "451 try later");

        TicketFile file = files().find(number).orElseThrow();

        assertThat(file.events()).extracting(TicketFile.Event::kind).containsExactly(EventKind.TICKET_CREATED,
                EventKind.FOLLOW_UP_ADDED, EventKind.TICKET_TAKEN);
        assertThat(file.events().get(2).staff()).isEqualTo(STAFF);
        assertThat(file.events().get(2).at()).isEqualTo(taken);
        assertThat(file.events().get(0).staff()).isEmpty();
        assertThat(file.summary().assignee()).contains(STAFF);
        assertThat(file.mails()).extracting(TicketFile.Mail::kind).startsWith(OutboxKind.ACKNOWLEDGEMENT)
                .endsWith(OutboxKind.STATUS_NOTICE);
        assertThat(file.mails().get(0).state()).isEqualTo(TicketFile.MailState.SENT);
        assertThat(file.mails().get(0).sentAt()).contains(moscow("2026-12-03T12:01"));
        assertThat(file.mails().get(0).recipient()).isEqualTo("ivanova@example.ru");
        TicketFile.Mail retried = file.mails().stream().filter(m -> m.id() == second).findFirst().orElseThrow();
        assertThat(retried.state()).isEqualTo(TicketFile.MailState.PENDING);
        assertThat(retried.lastError()).contains("451 try later");
    }

    @Test
    default void anUnknownNumberHasNoFile() {
        ticketWithFollowUp();

        assertThat(files().find(TicketNumber.of(26, 999_999))).isEmpty();
    }
}
