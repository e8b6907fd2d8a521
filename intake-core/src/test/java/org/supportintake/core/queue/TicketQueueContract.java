package org.supportintake.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.jdbc.JdbcOutboxQueue;
import org.supportintake.core.jdbc.JdbcTicketQueue;
import org.supportintake.core.submission.Category;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.ticket.TicketStatus;

/** The staff queue on every database: each filter, each kind of search, the order, keyset pages, cursors. */
public interface TicketQueueContract {

    Instant DAY = Instant.parse("2026-12-01T06:00:00Z");

    IntakeFixture intake();

    private TicketQueue queue() {
        return new JdbcTicketQueue(intake().jdbi());
    }

    /** A ticket as the queue's tests need it; each field may be changed before {@link #save}. */
    final class Spec {
        long serial;
        String status = "accepted";
        String category = "technical_problem";
        String priority = "normal";
        String channel = "form";
        Instant created = DAY;
        Instant due = DAY.plus(Duration.ofDays(2));
        boolean overdue;
        boolean atRisk;
        boolean repeat;
        boolean ackFailed;
        String assignee;
        String email = "someone@example.ru";
        String phone = "";
        String subject = "Вопрос";
        String body = "Текст обращения.";

        Spec(long serial) {
            this.serial = serial;
        }

        TicketNumber number() {
            return TicketNumber.of(26, serial);
        }
    }

    private TicketNumber save(Spec s) {
        intake().jdbi().useHandle(h -> {
            long id = h.createUpdate("insert into ticket (number, channel, status, priority, category, title, "
                            + "requester_email, requester_name, requester_phone, callback_time, created_at, due_at, "
                            + "at_risk_from, allowed_seconds, overdue, at_risk, repeat_request, ack_failed, assignee) values "
                            + "(:number, :channel, :status, :priority, :category, 'Тема', :email, 'Имя', :phone, '', "
                            + ":created, :due, :due, 97200, :overdue, :atRisk, :repeat, :ackFailed, :assignee)")
                    .bind("number", s.number().toString()).bind("channel", s.channel).bind("status", s.status)
                    .bind("priority", s.priority).bind("category", s.category).bind("email", s.email)
                    .bind("phone", s.phone).bind("created", s.created.atOffset(java.time.ZoneOffset.UTC))
                    .bind("due", s.due.atOffset(java.time.ZoneOffset.UTC)).bind("overdue", s.overdue)
                    .bind("atRisk", s.atRisk).bind("repeat", s.repeat).bind("ackFailed", s.ackFailed)
                    .bind("assignee", s.assignee)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("insert into message (ticket_id, external_id, channel, direction, received_at, sender_email, "
                            + "sender_name, subject, body, quoted, message_id, in_reply_to, reference_ids, raw_sha256) "
                            + "values (:ticket, :external, :channel, 'in', :at, :email, 'Имя', :subject, :body, '', '', '', "
                            + "'', '')")
                    .bind("ticket", id).bind("external", UUID.randomUUID().toString()).bind("channel", s.channel)
                    .bind("at", s.created.atOffset(java.time.ZoneOffset.UTC)).bind("email", s.email)
                    .bind("subject", s.subject).bind("body", s.body).execute();
        });
        return s.number();
    }

    private TicketNumber save(long serial, java.util.function.Consumer<Spec> change) {
        Spec spec = new Spec(serial);
        change.accept(spec);
        return save(spec);
    }

    private List<TicketNumber> numbers(QueueFilter filter) {
        return queue().find(filter, Optional.empty(), TicketQueue.MAX_LIMIT).rows().stream().map(QueueRow::number)
                .toList();
    }

    @Test
    default void theDefaultViewHoldsTheOpenTicketsByDueTimeThenByKey() {
        var later = save(1, s -> s.due = DAY.plus(Duration.ofHours(30)));
        var tieFirst = save(2, s -> s.due = DAY.plus(Duration.ofHours(5)));
        var tieSecond = save(3, s -> {
            s.due = DAY.plus(Duration.ofHours(5));
            s.status = "in_progress";
        });
        var earliest = save(4, s -> {
            s.due = DAY.minus(Duration.ofHours(3));
            s.status = "waiting_for_citizen";
        });
        save(5, s -> {
            s.due = DAY.minus(Duration.ofDays(9));
            s.status = "closed";
        });
        save(6, s -> s.status = "resolved");

        assertThat(numbers(QueueFilter.open())).containsExactly(earliest, tieFirst, tieSecond, later);
        assertThat(numbers(QueueFilter.open().withEveryStatus())).hasSize(6);
    }

    @Test
    default void aRowCarriesWhatTheQueueShows() {
        save(7, s -> {
            s.status = "in_progress";
            s.category = "complaint";
            s.priority = "high";
            s.channel = "email";
            s.assignee = "petrova";
            s.overdue = true;
            s.repeat = true;
        });

        QueueRow row = queue().find(QueueFilter.open(), Optional.empty(), 10).rows().get(0);

        assertThat(row).isEqualTo(new QueueRow(TicketNumber.of(26, 7), DAY, Channel.EMAIL, "complaint", Priority.HIGH,
                TicketStatus.IN_PROGRESS, Optional.of("petrova"), DAY.plus(Duration.ofDays(2)), true, false, true,
                false));
    }

    @Test
    default void eachFilterKeepsOnlyItsTickets() {
        var plain = save(10, s -> { });
        var closed = save(11, s -> s.status = "closed");
        var complaint = save(12, s -> s.category = "complaint");
        var high = save(13, s -> s.priority = "high");
        var email = save(14, s -> s.channel = "email");
        var overdue = save(15, s -> s.overdue = true);
        var atRisk = save(16, s -> s.atRisk = true);
        var repeat = save(17, s -> s.repeat = true);
        var ackFailed = save(18, s -> s.ackFailed = true);
        var mine = save(19, s -> s.assignee = "petrova");
        var old = save(20, s -> s.created = DAY.minus(Duration.ofDays(10)));
        save(21, s -> s.assignee = "ivanov");

        QueueFilter open = QueueFilter.open();
        assertThat(numbers(open.withStatus(TicketStatus.CLOSED))).containsExactly(closed);
        assertThat(numbers(open.withCategory(Category.COMPLAINT))).containsExactly(complaint);
        assertThat(numbers(open.withPriority(Priority.HIGH))).containsExactly(high);
        assertThat(numbers(open.withChannel(Channel.EMAIL))).containsExactly(email);
        assertThat(numbers(open.withFlag(QueueFlag.OVERDUE))).containsExactly(overdue);
        assertThat(numbers(open.withFlag(QueueFlag.AT_RISK))).containsExactly(atRisk);
        assertThat(numbers(open.withFlag(QueueFlag.REPEAT_REQUEST))).containsExactly(repeat);
        assertThat(numbers(open.withFlag(QueueFlag.ACK_FAILED))).containsExactly(ackFailed);
        assertThat(numbers(open.withAssignee("petrova"))).containsExactly(mine);
        assertThat(numbers(open.withReceived(Optional.empty(), Optional.of(DAY.minus(Duration.ofDays(1))))))
                .containsExactly(old);
        assertThat(numbers(open.withReceived(Optional.of(DAY), Optional.empty()))).doesNotContain(old).contains(plain)
                .hasSize(10);
        assertThat(numbers(open.withReceived(Optional.of(DAY), Optional.of(DAY.plusSeconds(1))))).hasSize(10);
        assertThat(numbers(open.withReceived(Optional.of(DAY.plusSeconds(1)), Optional.empty()))).isEmpty();
        assertThat(numbers(open.withCategory(Category.COMPLAINT).withPriority(Priority.HIGH))).isEmpty();
    }

    @Test
    default void aTicketNumberIsFoundHoweverItIsTypedAndWhateverItsStatus() {
        var wanted = save(31, s -> s.status = "closed");
        save(32, s -> s.body = "Ссылаюсь на обращение " + TicketNumber.of(26, 31));
        String digits = wanted.toString().replace("-", "");

        for (String typed : List.of(wanted.toString(), digits, "№ " + digits, " 26 0000031 " + wanted.checkDigit())) {
            assertThat(numbers(QueueFilter.open().withSearch(typed))).as(typed).containsExactly(wanted);
        }
    }

    @Test
    default void anEmailIsMatchedWholeWithoutRegardToCase() {
        var wanted = save(41, s -> s.email = "Ivanova@Example.RU");
        var closed = save(42, s -> {
            s.email = "ivanova@example.ru";
            s.status = "closed";
        });
        save(43, s -> s.email = "maria.ivanova@example.ru");
        save(44, s -> s.body = "Пишите на ivanova@example.ru");

        assertThat(numbers(QueueFilter.open().withSearch("IVANOVA@example.ru"))).containsExactlyInAnyOrder(wanted,
                closed);
    }

    @Test
    default void aPhoneIsFoundInAnyUsualWriting() {
        var wanted = save(51, s -> s.phone = "+79123456789");
        save(52, s -> s.phone = "+79123456780");

        for (String typed : List.of("8 (912) 345-67-89", "+7 912 345 67 89", "89123456789", "9123456789")) {
            assertThat(numbers(QueueFilter.open().withSearch(typed))).as(typed).containsExactly(wanted);
        }
    }

    @Test
    default void wordsAreFoundInTheSubjectOrTheTextEachOfThem() {
        var inBody = save(61, s -> s.body = "После ввода пароля страница личного кабинета не загружается.");
        var inSubject = save(62, s -> {
            s.subject = "Кабинет не загружается";
            s.body = "Помогите.";
        });
        save(63, s -> s.body = "Страница оплаты не загружается.");

        assertThat(numbers(QueueFilter.open().withSearch("загружается"))).hasSize(3);
        assertThat(numbers(QueueFilter.open().withSearch("пароля загружается"))).containsExactly(inBody);
        assertThat(numbers(QueueFilter.open().withSearch("ПОМОГИТЕ кабинет"))).containsExactly(inSubject);
        assertThat(numbers(QueueFilter.open().withSearch("шлагбаум"))).isEmpty();
        assertThat(numbers(QueueFilter.open().withSearch("50%_"))).isEmpty();
        save(64, s -> s.body = "Скидка 50%_ и 50! сразу");
        assertThat(numbers(QueueFilter.open().withSearch("50!"))).hasSize(1);
    }

    @Test
    default void pagesNeitherSkipNorRepeatATicketEvenWithEqualDueTimes() {
        List<TicketNumber> all = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            int hours = i % 4;
            all.add(save(100 + i, s -> s.due = DAY.plus(Duration.ofHours(hours))));
        }
        List<TicketNumber> expected = new ArrayList<>();
        for (int hours = 0; hours < 4; hours++) {
            for (int i = hours; i < 11; i += 4) {
                expected.add(all.get(i));
            }
        }

        List<TicketNumber> seen = new ArrayList<>();
        Optional<QueueCursor> after = Optional.empty();
        int pages = 0;
        do {
            QueuePage page = queue().find(QueueFilter.open(), after, 3);
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(3);
            page.rows().forEach(r -> seen.add(r.number()));
            after = page.next().flatMap(c -> QueueCursor.parse(c.token()));
            pages++;
        } while (after.isPresent());

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    default void theLimitIsCapped() {
        for (int i = 0; i < TicketQueue.MAX_LIMIT + 2; i++) {
            save(1000 + i, s -> { });
        }
        QueuePage page = queue().find(QueueFilter.open(), Optional.empty(), 10_000);
        assertThat(page.rows()).hasSize(TicketQueue.MAX_LIMIT);
        assertThat(page.next()).isPresent();
    }

    @Test
    default void aCursorNoPageHandedOutIsNotOneAndOnePastTheEndGivesAnEmptyLastPage() {
        save(71, s -> { });
        assertThat(QueueCursor.parse("garbage")).isEmpty();
        assertThat(QueueCursor.parse("")).isEmpty();
        assertThat(QueueCursor.parse("cTE6eDox")).isEmpty();

        QueuePage past = queue().find(QueueFilter.open(),
                Optional.of(new QueueCursor(DAY.plus(Duration.ofDays(400)), 1)), 10);
        assertThat(past.rows()).isEmpty();
        assertThat(past.next()).isEmpty();
    }

    @Test
    default void aMailThatFailedForGoodFlagsItsTicket() {
        var created = (IntakeOutcome.Created) intake().service().accept(Submissions.form().build());
        JdbcOutboxQueue outbox = new JdbcOutboxQueue(intake().jdbi());
        Instant now = Instant.parse("2027-01-01T00:00:00Z");
        long id = outbox.due(now, 1).get(0);
        outbox.failed(outbox.claim(id, now, Duration.ofMinutes(1)).orElseThrow(), now, "550 no such user", "refused");

        assertThat(numbers(QueueFilter.open().withFlag(QueueFlag.ACK_FAILED))).containsExactly(created.ticketNumber());
    }
}
