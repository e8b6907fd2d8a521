package org.supportintake.core.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.jdbc.JdbcDeadlineWatch;
import org.supportintake.core.jdbc.JdbcDigestQuery;
import org.supportintake.core.jobs.FlagOverdue;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.submission.Category;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.SettableClock;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.ticket.TicketStatus;

/** Staff moves, the pause of the reply clock and the flags, on every database; implemented for H2 and PostgreSQL. */
public interface TicketWorkContract {

    String STAFF = "operator.petrova";

    IntakeFixture intake();

    static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SlaCalendar.MOSCOW).toInstant();
    }

    /** A technical problem by email, received Thursday 3 December 2026 at 12:00: due Friday 12:00 (мск). */
    private IntakeOutcome.Created emailTicket() {
        var mail = Submissions.email(moscow("2026-12-03T12:00")).subject("Срочно: не работает вход");
        return (IntakeOutcome.Created) intake().service().accept(mail.build());
    }

    private IntakeOutcome citizenWritesAgain(TicketNumber number, Instant at) {
        return intake().service().accept(Submissions.email(at).previousTicket(number.toString())
                .subject("Re: [№ " + number + "] дополнение").build());
    }

    private String column(String column, TicketNumber number) {
        return intake().text("select " + column + " from ticket where number = '" + number + "'");
    }

    private boolean flag(String column, TicketNumber number) {
        return intake().jdbi().withHandle(h -> h.createQuery("select " + column + " from ticket where number = :n")
                .bind("n", number.toString()).mapTo(Boolean.class).one());
    }

    private Instant due(TicketNumber number) {
        return intake().instant("select due_at from ticket where number = '" + number + "'");
    }

    private long events(String kind) {
        return intake().rows("intake_event where kind = '" + kind + "'");
    }

    @Test
    default void takingATicketPutsItInWorkNamesTheOperatorAndTellsTheCitizenOnce() {
        var ticket = emailTicket().ticketNumber();
        var work = intake().work(new SettableClock());

        assertThat(work.take(ticket, STAFF)).isEqualTo(new WorkOutcome.Done(TicketStatus.IN_PROGRESS));
        assertThat(work.take(ticket, "operator.sidorov")).as("another operator takes it over")
                .isEqualTo(new WorkOutcome.Done(TicketStatus.IN_PROGRESS));

        assertThat(column("status", ticket)).isEqualTo("in_progress");
        assertThat(column("assignee", ticket)).isEqualTo("operator.sidorov");
        assertThat(intake().text("select staff from intake_event where kind = 'ticket_taken' order by id limit 1"))
                .isEqualTo(STAFF);
        assertThat(intake().rows("outbox where kind = 'status_notice'")).as("one mail: the status changed once").isEqualTo(1);
        assertThat(intake().text("select subject from outbox where kind = 'status_notice'"))
                .isEqualTo(ticket.subjectTag() + " Обращение взято в работу");
    }

    @Test
    default void aQuestionPausesTheClockOverTheWeekendAndTheCitizensAnswerMovesTheDueTimeByTheWorkingTimeWaited() {
        var ticket = emailTicket().ticketNumber();
        var clock = new SettableClock();
        clock.set(moscow("2026-12-04T10:00"));
        assertThat(intake().work(clock).ask(ticket, STAFF, "Уточните, пожалуйста, номер заявления."))
                .isEqualTo(new WorkOutcome.Done(TicketStatus.WAITING_FOR_CITIZEN));
        assertThat(due(ticket)).isEqualTo(moscow("2026-12-04T12:00"));

        // answered on Monday at 11:00: waited Friday 10:00–18:00 and Monday 09:00–11:00, ten working hours
        var followUp = citizenWritesAgain(ticket, moscow("2026-12-07T11:00"));
        assertThat(followUp).isInstanceOf(IntakeOutcome.FollowUp.class);
        assertThat(((IntakeOutcome.FollowUp) followUp).dueAt()).as("the receipt names the moved due time")
                .isEqualTo(moscow("2026-12-07T13:00"));

        assertThat(column("status", ticket)).isEqualTo("in_progress");
        assertThat(due(ticket)).isEqualTo(moscow("2026-12-07T13:00"));
        assertThat(intake().text("select body from outbox where kind = 'staff_notice'"))
                .contains("Уточните, пожалуйста, номер заявления.", "срок рассмотрения обращения приостановлен");
    }

    @Test
    default void theStaffAnswerRepliesInTheCitizensThread() {
        var created = emailTicket();
        String citizensMessageId = intake().text("select message_id from message");

        intake().work(new SettableClock()).resolve(created.ticketNumber(), STAFF, "Вход восстановлен.");

        assertThat(intake().text("select in_reply_to from outbox where kind = 'staff_notice'")).isEqualTo(citizensMessageId);
        assertThat(intake().text("select subject from outbox where kind = 'staff_notice'"))
                .isEqualTo(created.ticketNumber().subjectTag() + " Ответ на обращение");
        assertThat(column("status", created.ticketNumber())).isEqualTo("resolved");
    }

    @Test
    default void theDelayNoticeRepliesInTheCitizensThread() {
        var created = emailTicket();
        String citizensMessageId = intake().text("select message_id from message");
        var clock = new SettableClock();
        clock.set(moscow("2026-12-03T15:00"));

        intake().work(clock).extend(created.ticketNumber(), STAFF, moscow("2026-12-08T18:00"), "Запрос в ведомство");

        assertThat(intake().text("select in_reply_to from outbox where kind = 'staff_notice'")).isEqualTo(citizensMessageId);
        assertThat(intake().text("select subject from outbox where kind = 'staff_notice'"))
                .isEqualTo(created.ticketNumber().subjectTag() + " Срок ответа перенесён");
    }

    @Test
    default void aResolvedTicketReopensWithinSevenDaysAndLaterTheCitizenGetsANewTicketThatRefersToIt() {
        var first = emailTicket().ticketNumber();
        var clock = new SettableClock();
        clock.set(moscow("2026-12-04T10:00"));
        intake().work(clock).resolve(first, STAFF, "Готово.");

        assertThat(citizenWritesAgain(first, moscow("2026-12-10T10:00"))).isInstanceOf(IntakeOutcome.FollowUp.class);
        assertThat(column("status", first)).isEqualTo("in_progress");
        assertThat(events("ticket_reopened")).isEqualTo(1);

        clock.set(moscow("2026-12-10T12:00"));
        intake().work(clock).resolve(first, STAFF, "Готово ещё раз.");
        var late = citizenWritesAgain(first, moscow("2026-12-17T12:00:01"));

        assertThat(late).isInstanceOf(IntakeOutcome.Created.class);
        assertThat(column("status", first)).isEqualTo("resolved");
        var second = ((IntakeOutcome.Created) late).ticketNumber();
        assertThat(column("related_ticket", second)).isEqualTo(first.toString());
    }

    @Test
    default void onlyAResolvedTicketCanBeClosedAndAClosedOneIsFinal() {
        var ticket = emailTicket().ticketNumber();
        var work = intake().work(new SettableClock());

        assertThat(work.close(ticket, STAFF)).isEqualTo(new WorkOutcome.NotAllowed("Закрыть можно только решённое обращение."));
        work.resolve(ticket, STAFF, "Готово.");
        assertThat(work.close(ticket, STAFF)).isEqualTo(new WorkOutcome.Done(TicketStatus.CLOSED));
        assertThat(work.take(ticket, STAFF)).isInstanceOf(WorkOutcome.NotAllowed.class);
        assertThat(citizenWritesAgain(ticket, moscow("2026-12-04T10:00"))).isInstanceOf(IntakeOutcome.Created.class);
        assertThat(column("status", ticket)).isEqualTo("closed");
    }

    @Test
    default void anExtensionNeedsALaterWorkingTimeAndAReasonAndTellsTheCitizenBothDates() {
        var ticket = emailTicket().ticketNumber();
        var work = intake().work(new SettableClock());

        assertThat(work.extend(ticket, STAFF, moscow("2026-12-05T12:00"), "Нужен запрос в ведомство"))
                .as("a Saturday").isInstanceOf(WorkOutcome.NotAllowed.class);
        assertThat(work.extend(ticket, STAFF, moscow("2026-12-08T18:00"), " ")).isInstanceOf(WorkOutcome.NotAllowed.class);
        assertThat(intake().rows("outbox where kind = 'staff_notice'")).isZero();

        assertThat(work.extend(ticket, STAFF, moscow("2026-12-08T18:00"), "Нужен запрос в ведомство"))
                .isEqualTo(new WorkOutcome.Done(TicketStatus.ACCEPTED));

        assertThat(due(ticket)).isEqualTo(moscow("2026-12-08T18:00"));
        assertThat(intake().text("select body from outbox where kind = 'staff_notice'")).contains(
                "Было: не позднее 4 декабря 2026 г., 12:00 (мск).", "Стало: не позднее 8 декабря 2026 г., 18:00 (мск).",
                "Причина: Нужен запрос в ведомство");
        assertThat(intake().text("select detail from intake_event where kind = 'due_extended'"))
                .isEqualTo("2026-12-04T09:00:00Z -> 2026-12-08T15:00:00Z");
    }

    @Test
    default void aNewCategoryOrPriorityRecomputesTheDueTimeFromWhenTheTicketWasReceived() {
        var ticket = emailTicket().ticketNumber();
        var work = intake().work(new SettableClock());

        work.changeCategory(ticket, STAFF, Category.SUGGESTION);
        assertThat(column("priority", ticket)).isEqualTo("low");
        assertThat(due(ticket)).isEqualTo(moscow("2026-12-17T12:00"));

        work.changePriority(ticket, STAFF, Priority.HIGH);
        assertThat(column("category", ticket)).isEqualTo("suggestion");
        assertThat(due(ticket)).isEqualTo(moscow("2026-12-04T12:00"));
        assertThat(events("category_changed") + events("priority_changed")).isEqualTo(2);
    }

    @Test
    default void overdueAndAtRiskAreFlaggedOnceEachAndAWaitingTicketIsNeither() {
        var late = emailTicket().ticketNumber();
        var waiting = emailTicket().ticketNumber();
        var clock = new SettableClock();
        clock.set(moscow("2026-12-04T09:00"));
        intake().work(clock).ask(waiting, STAFF, "Уточните адрес.");
        var flags = new FlagOverdue(new JdbcDeadlineWatch(intake().jdbi()), IntakeFixture.REPLY_CLOCK, clock);

        clock.set(moscow("2026-12-04T10:11"));
        flags.run();
        assertThat(flag("at_risk", late)).as("before 10:12").isFalse();
        clock.set(moscow("2026-12-04T10:12"));
        flags.run();
        clock.set(moscow("2026-12-04T12:00"));
        flags.run();
        flags.run();

        assertThat(flag("at_risk", late)).isTrue();
        assertThat(flag("overdue", late)).isTrue();
        assertThat(flag("overdue", waiting)).isFalse();
        assertThat(events("ticket_at_risk")).isEqualTo(1);
        assertThat(events("ticket_overdue")).isEqualTo(1);
    }

    @Test
    default void aResolvedTicketClosesByItselfOnceTheReopenWindowIsOver() {
        var ticket = emailTicket().ticketNumber();
        var clock = new SettableClock();
        clock.set(moscow("2026-12-04T10:00"));
        intake().work(clock).resolve(ticket, STAFF, "Готово.");
        var flags = new FlagOverdue(new JdbcDeadlineWatch(intake().jdbi()), IntakeFixture.REPLY_CLOCK, clock);

        clock.set(moscow("2026-12-11T10:00"));
        flags.run();
        assertThat(column("status", ticket)).isEqualTo("resolved");
        clock.set(moscow("2026-12-11T10:00:01"));
        flags.run();

        assertThat(column("status", ticket)).isEqualTo("closed");
        assertThat(intake().text("select detail from intake_event where kind = 'ticket_closed'")).isEqualTo("reopen window over");
    }

    @Test
    default void theMorningDigestListsOverdueAtRiskAndRepeatRequestsWithLinksToEveryTicket() {
        var late = emailTicket().ticketNumber();
        var atRisk = emailTicket().ticketNumber();
        var clock = new SettableClock();
        clock.set(moscow("2026-12-04T10:30"));
        intake().work(clock).extend(atRisk, STAFF, moscow("2026-12-04T12:30"), "Запрос в ведомство");
        clock.set(moscow("2026-12-04T12:10"));
        new FlagOverdue(new JdbcDeadlineWatch(intake().jdbi()), IntakeFixture.REPLY_CLOCK, clock).run();
        clock.set(moscow("2026-12-07T09:00"));
        var digest = new SupervisorDigest(new JdbcDigestQuery(intake().jdbi()),
                new org.supportintake.core.jdbc.JdbcTransactions(intake().jdbi()),
                java.util.List.of("head@support.example.ru", "deputy@support.example.ru"),
                org.supportintake.core.sla.ProductionCalendar.bundled(),
                new org.supportintake.core.outbox.OutgoingMessageIds("support@localhost"), "https://support.example.ru",
                org.supportintake.core.outbox.OutboxNudge.NONE, clock);

        assertThat(digest.send(moscow("2026-12-04T09:00"))).isEqualTo(2);

        assertThat(intake().rows("outbox where kind = 'digest'")).isEqualTo(2);
        String body = intake().text("select body from outbox where kind = 'digest' and recipient = 'head@support.example.ru'");
        assertThat(body).startsWith("Сводка службы поддержки на 7 декабря 2026: просрочено 1, под угрозой 1,")
                .contains("Просрочены: 1\n — " + late + ": https://support.example.ru/staff/tickets/" + late,
                        "Под угрозой просрочки: 1\n — " + atRisk + ": https://support.example.ru/staff/tickets/" + atRisk)
                .as("no mail was set aside: no line saying 0 were").doesNotContain("Писем отложено");
        clock.set(moscow("2026-12-05T09:00"));
        assertThat(digest.send(moscow("2026-12-04T09:00"))).as("Saturday: no digest").isZero();
    }

    @Test
    default void aFollowUpOnAnOverdueTicketMarksARepeatRequest() {
        var ticket = emailTicket().ticketNumber();
        var clock = new SettableClock();
        clock.set(moscow("2026-12-04T12:00"));
        new FlagOverdue(new JdbcDeadlineWatch(intake().jdbi()), IntakeFixture.REPLY_CLOCK, clock).run();

        citizenWritesAgain(ticket, moscow("2026-12-04T13:00"));

        assertThat(flag("repeat_request", ticket)).isTrue();
    }

    @Test
    default void markingAsNotARequestClosesTheTicketWritesNoMailAndWithdrawsTheUnsentOnes() {
        var ticket = emailTicket().ticketNumber();
        var clock = new SettableClock();
        clock.set(moscow("2026-12-03T12:30"));
        assertThat(intake().rows("outbox where sent_at is null and failed_at is null")).as("the acknowledgement waits")
                .isEqualTo(1);

        assertThat(intake().work(clock).markNotARequest(ticket, STAFF)).isEqualTo(new WorkOutcome.Done(TicketStatus.CLOSED));

        assertThat(column("status", ticket)).isEqualTo("closed");
        assertThat(intake().rows("outbox")).as("no mail to the sender").isEqualTo(1);
        assertThat(intake().text("select last_error from outbox")).isEqualTo(org.supportintake.core.outbox.OutboxStore.CANCELLED);
        assertThat(intake().instant("select failed_at from outbox")).isEqualTo(moscow("2026-12-03T12:30"));
        assertThat(new org.supportintake.core.jdbc.JdbcOutboxQueue(intake().jdbi())
                .due(moscow("2026-12-31T00:00"), 10)).as("nothing left to send").isEmpty();
        assertThat(intake().text("select staff from intake_event where kind = 'marked_not_a_request'")).isEqualTo(STAFF);
        assertThat(intake().text("select detail from intake_event where kind = 'marked_not_a_request'"))
                .isEqualTo("accepted -> closed; unsent mail withdrawn: 1");
    }

    @Test
    default void markingAsNotARequestLeavesSentMailAndMailBeingSentAloneAndIsNotAllowedTwice() {
        var ticket = emailTicket().ticketNumber();
        var queue = new org.supportintake.core.jdbc.JdbcOutboxQueue(intake().jdbi());
        // far past the fixtures' clock, wherever .ci/clocks puts it (31 December included)
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        queue.sent(queue.due(later, 10).get(0), moscow("2026-12-03T12:01"));
        var work = intake().work(new SettableClock());
        work.take(ticket, STAFF);
        long inFlight = queue.due(later, 10).get(0);
        queue.claim(inFlight, later, java.time.Duration.ofDays(3650)).orElseThrow();

        assertThat(work.markNotARequest(ticket, STAFF)).isEqualTo(new WorkOutcome.Done(TicketStatus.CLOSED));
        assertThat(work.markNotARequest(ticket, STAFF)).isInstanceOf(WorkOutcome.NotAllowed.class);

        assertThat(intake().rows("outbox where sent_at is not null")).isEqualTo(1);
        assertThat(intake().rows("outbox where failed_at is not null")).as("the one being sent still leaves").isZero();
        assertThat(events("marked_not_a_request")).isEqualTo(1);
        assertThat(work.markNotARequest(TicketNumber.of(26, 999_999), STAFF)).isEqualTo(new WorkOutcome.NotFound());
    }
}
