package org.supportintake.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportintake.core.testing.Submissions.email;
import static org.supportintake.core.testing.Submissions.file;
import static org.supportintake.core.testing.Submissions.form;
import static org.supportintake.core.testing.Submissions.png;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.supportintake.attachments.policy.AttachmentVerdict;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.EmailFacts;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.ticket.TicketNumber;

/** What every database must do for the intake path; implemented for H2 and PostgreSQL. */
public interface IntakeServiceContract {

    List<String> TABLES = List.of("ticket", "message", "attachment", "outbox", "intake_event");

    /** The real path on a fresh, empty database. */
    IntakeFixture intake();

    private void assertRows(long ticket, long message, long attachment, long outbox, long event) {
        assertThat(TABLES.stream().map(intake()::rows).toList()).containsExactly(ticket, message, attachment, outbox, event);
    }

    @Test
    default void validFormSubmissionOpensATicketWithAcknowledgementAndLogEvent() {
        Submission submission = form().build();
        IntakeOutcome outcome = intake().service().accept(submission);

        assertThat(outcome).isInstanceOf(IntakeOutcome.Created.class);
        var created = (IntakeOutcome.Created) outcome;
        assertThat(created.ticketNumber().toString()).matches("26-\\d{7}-\\d");
        // Monday 12:00 Moscow + 1 business day (technical_problem).
        assertThat(created.dueAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertRows(1, 1, 0, 1, 1);
        var row = intake().jdbi().withHandle(h -> h.createQuery(
                "select t.requester_phone, t.priority, o.recipient, o.subject from ticket t join outbox o on o.ticket_id = t.id")
                .mapToMap().one());
        assertThat(row).containsEntry("requester_phone", "+79123456789").containsEntry("priority", "high")
                .containsEntry("recipient", "ivanova@example.ru")
                .containsEntry("subject", "[№ " + created.ticketNumber() + "] Ваше обращение принято");
    }

    @Test
    default void submissionsInOneCommitAreCommittedTogether() {
        IntakeService service = intake().service();
        List<Long> seenMeanwhile = new ArrayList<>();
        List<IntakeOutcome> outcomes = service.inOneCommit(() -> {
            List<IntakeOutcome> taken = List.of(service.accept(form().build()), service.accept(form().build()));
            // Another thread, so another connection (Jdbi lends a thread its open handle): nothing committed yet.
            seenMeanwhile.add(CompletableFuture.supplyAsync(() -> intake().rows("ticket")).join());
            return taken;
        });

        assertThat(outcomes).allMatch(IntakeOutcome.Created.class::isInstance);
        assertThat(seenMeanwhile).containsExactly(0L);
        assertRows(2, 2, 0, 2, 2);
    }

    @Test
    default void oneSubmissionWhoseStatementFailsSpoilsTheWholeCommitAndLeavesNoTrace() {
        IntakeService service = intake().serviceWithStageAfter(AppendIntakeLog.class, context -> {
            if (context.submission().subject().contains("СБОЙ")) {
                // A statement the database refuses: on PostgreSQL it aborts the transaction unless undone alone.
                context.stores().receipts().add("twice", context.submission().channel(), "x", Instant.EPOCH, "");
                context.stores().receipts().add("twice", context.submission().channel(), "x", Instant.EPOCH, "");
            }
            return StageVerdict.proceed();
        });
        assertThatThrownBy(() -> service.inOneCommit(() -> {
            service.accept(form().build());
            assertThatThrownBy(() -> service.accept(form().subject("СБОЙ").build()))
                    .isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> service.accept(form().build()))
                    .as("a later call in the spoiled group is refused at once")
                    .isInstanceOf(GroupCommitSpoiledException.class);
            return null;
        })).isInstanceOf(GroupCommitSpoiledException.class);

        assertRows(0, 0, 0, 0, 0);
        assertThat(intake().rows("receipt")).isZero();
    }

    @Test
    default void oneCommitThatThrowsCommitsNoneOfItsSubmissions() {
        IntakeService service = intake().service();
        assertThatThrownBy(() -> service.inOneCommit(() -> {
            service.accept(form().build());
            service.accept(form().build());
            throw new IllegalStateException("the process died here");
        })).hasMessage("the process died here");

        assertRows(0, 0, 0, 0, 0);
    }

    @Test
    default void submissionsOfAOneCommitThatThrowsAreNeitherCountedNorLoggedAndThoseOfOneThatCommitsAreOnce() {
        List<String> taken = new CopyOnWriteArrayList<>();
        IntakeService service = intake().observedBy(new IntakeObserver() {
            @Override
            public void taken(Channel channel, String outcome) {
                taken.add(channel.code() + " " + outcome);
            }
        });
        assertThatThrownBy(() -> service.inOneCommit(() -> {
            service.accept(form().build());
            throw new IllegalStateException("the process died here");
        })).hasMessage("the process died here");
        assertThat(taken).as("nothing committed, nothing told").isEmpty();

        service.inOneCommit(() -> service.accept(form().build()));
        assertThat(taken).containsExactly("form created");
    }

    @Test
    default void invalidSubmissionStoresNothing() {
        IntakeOutcome outcome = intake().service().accept(form().subject("ж".repeat(201)).build());

        assertThat(outcome).isInstanceOfSatisfying(IntakeOutcome.Invalid.class, invalid ->
                assertThat(invalid.violations()).extracting(v -> v.code()).containsExactly("subject.too_long"));
        assertRows(0, 0, 0, 0, 0);
    }

    @Test
    default void sameExternalIdTwiceGivesOneTicketAndADuplicate() {
        Submission submission = form().build();
        var first = (IntakeOutcome.Created) intake().service().accept(submission);
        IntakeOutcome second = intake().service().accept(submission);

        assertThat(second).isEqualTo(new IntakeOutcome.Duplicate(first.ticketNumber(), first.dueAt(), true));
        assertRows(1, 1, 0, 1, 1);
    }

    @Test
    default void dueTimeAnsweredAndDueTimeStoredAgreeToTheSecond() {
        // Thursday 12:23:50 Moscow with nanoseconds: inside working hours, where the clock does not snap to 09:00.
        Submission submission = form(Instant.parse("2026-12-03T09:23:50.668288434Z")).build();
        var first = (IntakeOutcome.Created) intake().service().accept(submission);
        var second = (IntakeOutcome.Duplicate) intake().service().accept(submission);

        assertThat(first.dueAt()).isEqualTo(Instant.parse("2026-12-04T09:23:50Z")).isEqualTo(second.dueAt())
                .isEqualTo(intake().instant("select due_at from ticket"));
        assertThat(intake().instant("select created_at from ticket")).isEqualTo(Instant.parse("2026-12-03T09:23:50Z"));
    }

    @Test
    default void whatOfAnEmailCouldNotBeReadIsRecordedOnItsTicket() {
        var created = (IntakeOutcome.Created) intake().service().accept(email().emailFacts(new EmailFacts(
                "<damaged@mail.example.ru>", "", List.of(), "", "", List.of("a image/png part has damaged base64; "
                        + "the file was kept as far as it goes", "winmail.dat (Outlook TNEF) attachment"))).build());

        assertThat(intake().text("select e.detail from intake_event e join ticket t on t.id = e.ticket_id "
                + "where e.kind = 'mail_damaged' and t.number = '" + created.ticketNumber() + "'"))
                .isEqualTo("a image/png part has damaged base64; the file was kept as far as it goes; "
                        + "winmail.dat (Outlook TNEF) attachment");
    }

    @Test
    default void concurrentDeliveriesOfOneMessageMakeOneTicket() throws Exception {
        Submission submission = email().build();
        IntakeService service = intake().service();
        List<IntakeOutcome> outcomes = inParallel(8, 1, i -> service.accept(submission));

        assertThat(outcomes).filteredOn(IntakeOutcome.Created.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(IntakeOutcome.Duplicate.class::isInstance).hasSize(7);
        assertRows(1, 1, 0, 1, 1);
    }

    @Test
    default void failureMidTransactionLeavesNoRowBehind() {
        IntakeStage crash = context -> {
            throw new IllegalStateException("injected after the acknowledgement was written");
        };
        IntakeService service = intake().serviceWithStageAfter(WriteAcknowledgement.class, crash);

        assertThatThrownBy(() -> service.accept(form().attachment(png("screen.png", 100)).build()))
                .hasMessageContaining("injected");
        assertRows(0, 0, 0, 0, 0);
    }

    @Test
    default void eightThreadsTimesFiveHundredGiveFourThousandDistinctNumbers() throws Exception {
        IntakeService service = intake().service();
        List<IntakeOutcome> outcomes = inParallel(8, 500, i -> service.accept(form().build()));

        Set<TicketNumber> numbers = new HashSet<>();
        outcomes.forEach(outcome -> numbers.add(((IntakeOutcome.Created) outcome).ticketNumber()));
        assertThat(numbers).hasSize(4000);
        assertRows(4000, 4000, 0, 4000, 4000);
    }

    @Test
    default void emailFromTheRequesterNamingTheTicketIsAFollowUpOnIt() {
        var first = (IntakeOutcome.Created) intake().service().accept(email().build());
        IntakeOutcome second = intake().service().accept(email()
                .sender("PETROV@example.ru", "Пётр Петров", "").subject("Re: [№ " + first.ticketNumber() + "] дополнение")
                .previousTicket(first.ticketNumber().toString()).build());

        assertThat(second).isEqualTo(new IntakeOutcome.FollowUp(first.ticketNumber(), first.dueAt(), List.of()));
        assertRows(1, 2, 0, 2, 2);
    }

    @Test
    default void referenceFromSomeoneElseOpensANewRelatedTicket() {
        var first = (IntakeOutcome.Created) intake().service().accept(form().build());
        var second = intake().service().accept(form()
                .sender("stranger@example.ru", "Сидоров Иван", "+79120000000")
                .previousTicket(first.ticketNumber().toString()).build());

        assertThat(second).isInstanceOf(IntakeOutcome.Created.class);
        var number = ((IntakeOutcome.Created) second).ticketNumber();
        assertThat(number).isNotEqualTo(first.ticketNumber());
        assertThat(intake().text("select related_ticket from ticket where number = '" + number + "'"))
                .isEqualTo(first.ticketNumber().toString());
    }

    @Test
    default void emailFollowUpOnATicketWaitingForTheCitizenPutsItBackInProgress() {
        var first = (IntakeOutcome.Created) intake().service().accept(email().build());
        intake().jdbi().useHandle(h -> h.execute("update ticket set status = 'waiting_for_citizen'"));

        intake().service().accept(email().previousTicket(first.ticketNumber().toString())
                .subject("Повторный запрос").build());

        var row = intake().jdbi().withHandle(h -> h.createQuery("select status, repeat_request from ticket").mapToMap().one());
        assertThat(row).containsEntry("status", "in_progress").containsEntry("repeat_request", true);
    }

    @Test
    default void aNewTicketMarkedAsARepeatRequestIsFlaggedFromTheStart() {
        var bySubject = (IntakeOutcome.Created) intake().service().accept(email()
                .subject("ПОВТОРНЫЙ ЗАПРОС: не работает запись").build());
        var byDescription = (IntakeOutcome.Created) intake().service().accept(form()
                .text("Повторный запрос. Третий день не открывается личный кабинет после ввода пароля.").build());
        var notAtTheStart = (IntakeOutcome.Created) intake().service().accept(form()
                .text("Это не повторный запрос, а новый: не открывается личный кабинет после ввода пароля.").build());

        assertThat(List.of(bySubject, byDescription, notAtTheStart).stream().map(created -> intake().text(
                "select repeat_request from ticket where number = '" + created.ticketNumber() + "'"))
                .map(value -> value.equals("t") || value.equalsIgnoreCase("true")).toList())
                .containsExactly(true, true, false);
    }

    @Test
    default void formWithTheOwnersEmailAndTicketNumberOpensANewTicketAndLeavesTheEarlierOneAlone() {
        var first = (IntakeOutcome.Created) intake().service().accept(form().build());
        intake().jdbi().useHandle(h -> h.execute("update ticket set status = 'waiting_for_citizen'"));

        // Anyone can type the owner's address on the form: this may be a stranger.
        IntakeOutcome second = intake().service().accept(form().previousTicket(first.ticketNumber().toString())
                .subject("Повторный запрос").build());

        assertThat(second).isInstanceOfSatisfying(IntakeOutcome.Created.class, created ->
                assertThat(created.ticketNumber()).isNotEqualTo(first.ticketNumber()));
        var earlier = intake().jdbi().withHandle(h -> h.createQuery(
                "select status, repeat_request from ticket where number = :number")
                .bind("number", first.ticketNumber().toString()).mapToMap().one());
        assertThat(earlier).containsEntry("status", "waiting_for_citizen").containsEntry("repeat_request", false);
        assertThat(intake().text("select count(*) from message m join ticket t on t.id = m.ticket_id where t.number = '"
                + first.ticketNumber() + "'")).isEqualTo("1");
        var created = (IntakeOutcome.Created) second;
        assertThat(intake().text("select related_ticket from ticket where number = '" + created.ticketNumber() + "'"))
                .isEqualTo(first.ticketNumber().toString());
        assertThat(intake().text("select subject from outbox order by id desc limit 1"))
                .isEqualTo("[№ " + created.ticketNumber() + "] Ваше обращение принято");
    }

    @Test
    default void formNamingAnUnknownNumberGetsTheSameKindOfAnswerAsOneNamingARealTicket() {
        TicketNumber unknown = TicketNumber.of(26, 9_999_999);
        IntakeOutcome outcome = intake().service().accept(form().previousTicket(unknown.toString()).build());

        assertThat(outcome).isInstanceOfSatisfying(IntakeOutcome.Created.class, created -> {
            assertThat(created.ticketNumber()).isNotEqualTo(unknown);
            assertThat(intake().text("select related_ticket from ticket where number = '" + created.ticketNumber() + "'"))
                    .isEqualTo(unknown.toString());
        });
    }

    @Test
    default void emailKeepsAcceptedFilesAndListsRejectedOnes() {
        var outcome = intake().service().accept(email()
                .attachment(png("screen.png", 2048))
                .attachment(file("invoice.pdf", "application/x-msdownload", 4096,
                        AttachmentVerdict.rejected(RejectionReason.TYPE_NOT_ALLOWED)))
                .build());

        assertThat(outcome).isInstanceOfSatisfying(IntakeOutcome.Created.class, created -> assertThat(
                created.rejectedAttachments()).containsExactly(
                        new RejectedAttachment("invoice.pdf", RejectionReason.TYPE_NOT_ALLOWED)));
        assertRows(1, 1, 2, 1, 1);
        assertThat(intake().text("select body from outbox")).contains(" — invoice.pdf: такой тип файлов не принимается.");
    }

    @Test
    default void acknowledgementNamesARejectedFileThatLooksLikeALinkWithoutMakingItOne() {
        intake().service().accept(email().subject("Вход: https://evil.example/login")
                .attachment(file("www.evil.ru", "application/x-msdownload", 10,
                        AttachmentVerdict.rejected(RejectionReason.TYPE_NOT_ALLOWED))).build());

        assertThat(intake().text("select body from outbox")).contains(" — www[.]evil[.]ru: ").doesNotContain("www.evil");
        assertThat(intake().text("select subject from outbox")).doesNotContain("evil");
    }

    @Test
    default void emailWithNothingUsableGetsAnExplanationOnceAndNoTicket() {
        Submission empty = email().text(" ").attachment(file("run.exe", "application/x-msdownload", 10,
                AttachmentVerdict.rejected(RejectionReason.TYPE_NOT_ALLOWED))).build();

        IntakeOutcome first = intake().service().accept(empty);
        IntakeOutcome again = intake().service().accept(empty);

        assertThat(first).isInstanceOfSatisfying(IntakeOutcome.Invalid.class, invalid ->
                assertThat(invalid.violations()).extracting(v -> v.code()).containsExactly("description.no_content"));
        assertThat(again).isEqualTo(new IntakeOutcome.Ignored("invalid"));
        assertRows(0, 0, 0, 1, 1);
        assertThat(intake().rows("receipt")).isEqualTo(1);
        assertThat(intake().text("select kind || ' ' || coalesce(cast(ticket_id as varchar), '-') || ' ' || in_reply_to "
                + "from outbox")).isEqualTo("explanation - " + empty.externalId());
        assertThat(intake().text("select body from outbox")).contains(" — run.exe: такой тип файлов не принимается.");
        assertThat(intake().text("select kind from intake_event")).isEqualTo("email_rejected");
    }

    @Test
    default void replyToOurAcknowledgementIsAFollowUpOnItsTicket() {
        var first = (IntakeOutcome.Created) intake().service().accept(email().build());
        String acknowledgementId = intake().text("select message_id from outbox");

        IntakeOutcome reply = intake().service().accept(email().subject("Re: без номера в теме")
                .emailFacts(EmailFacts.headers("<reply@mail.example.ru>", acknowledgementId, List.of(acknowledgementId)))
                .build());

        assertThat(reply).isInstanceOfSatisfying(IntakeOutcome.FollowUp.class, followUp ->
                assertThat(followUp.ticketNumber()).isEqualTo(first.ticketNumber()));
        assertRows(1, 2, 0, 2, 2);
    }

    @Test
    default void acknowledgementsRepeatTheCitizensThreadAndCarryOurOwnMessageId() {
        Submission mail = email().emailFacts(EmailFacts.headers("<m2@mail.example.ru>", "<m1@mail.example.ru>",
                List.of("<m0@mail.example.ru>", "<m1@mail.example.ru>"))).build();
        intake().service().accept(mail);

        assertThat(intake().text("select in_reply_to || ' | ' || reference_ids from outbox"))
                .isEqualTo("<m2@mail.example.ru> | <m0@mail.example.ru> <m1@mail.example.ru> <m2@mail.example.ru>");
        assertThat(intake().text("select message_id from outbox")).matches("<intake\\.[0-9a-f-]{36}@localhost>");
    }

    @Test
    default void ignoredMailIsRecordedOnceWithoutTicketOrAcknowledgement() {
        Submission autoReply = email().subject("Автоответ: я в отпуске").build();

        assertThat(intake().service().ignore(autoReply, "auto_reply")).isEqualTo(new IntakeOutcome.Ignored("auto_reply"));
        assertThat(intake().service().ignore(autoReply, "auto_reply")).isEqualTo(new IntakeOutcome.Ignored("auto_reply"));
        assertRows(0, 0, 0, 0, 1);
        assertThat(intake().text("select kind || ' ' || detail from intake_event")).isEqualTo("mail_ignored auto_reply");
    }

    @Test
    default void bounceOfAnAcknowledgementIsRecordedOnItsTicket() {
        intake().service().accept(email().build());
        String acknowledgementId = intake().text("select message_id from outbox");
        Submission bounce = email().sender("mailer-daemon@mail.example.ru", "Mail Delivery System", "").build();

        assertThat(intake().service().recordBounce(bounce, List.of(acknowledgementId)))
                .isEqualTo(new IntakeOutcome.Ignored("bounce"));
        assertThat(intake().text("select count(*) from intake_event e join ticket t on t.id = e.ticket_id "
                + "where e.kind = 'acknowledgement_undeliverable'")).isEqualTo("1");
        assertRows(1, 1, 0, 1, 2);
    }

    @Test
    default void senderGetsAtMostTheLimitOfAcknowledgementsPerHour() {
        IntakeService service = intake().serviceWith(intake().stages(5));
        for (int i = 0; i < 6; i++) {
            assertThat(service.accept(email().build())).isInstanceOf(IntakeOutcome.Created.class);
        }
        assertRows(6, 6, 0, 5, 7);
        assertThat(intake().text("select count(*) from intake_event where kind = 'acknowledgement_suppressed'"))
                .isEqualTo("1");
    }

    @Test
    default void limitCountsTheAddressInAnyCaseAndOnlyTheLastHour() {
        IntakeService service = intake().serviceWith(intake().stages(2));
        intake().jdbi().useHandle(h -> h.execute("insert into outbox (kind, message_id, recipient, subject, body, "
                + "in_reply_to, reference_ids, created_at) values ('acknowledgement', '<old@localhost>', "
                + "'petrov@example.ru', '', '', '', '', ?)", intake().clock().instant().minusSeconds(3601)
                .atOffset(java.time.ZoneOffset.UTC)));

        service.accept(email().sender("Petrov@Example.RU", "Пётр Петров", "").build());
        service.accept(email().sender("sidorov@example.ru", "Сидор Сидоров", "").build());
        service.accept(email().sender("petrov@example.ru", "Пётр Петров", "").build());
        service.accept(email().sender("PETROV@example.ru", "Пётр Петров", "").build());

        assertThat(intake().text("select count(*) from outbox where lower(recipient) = 'petrov@example.ru'"))
                .isEqualTo("3");
        assertThat(intake().text("select count(*) from intake_event where kind = 'acknowledgement_suppressed'"))
                .isEqualTo("1");
    }

    private static List<IntakeOutcome> inParallel(int threads, int perThread, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<IntakeOutcome>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(() -> {
                    List<IntakeOutcome> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(task.run(i));
                    }
                    return mine;
                });
            }
            List<IntakeOutcome> all = new ArrayList<>();
            for (Future<List<IntakeOutcome>> result : pool.invokeAll(work)) {
                all.addAll(result.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One call of a parallel test. */
    interface Task {
        IntakeOutcome run(int index);
    }
}
