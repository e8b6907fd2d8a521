package org.supportintake.web.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

import org.supportintake.core.queue.QueueCursor;
import org.supportintake.core.queue.QueueFilter;
import org.supportintake.core.queue.QueueFlag;
import org.supportintake.core.queue.TicketQueue;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.submission.Category;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Coded;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.TicketStatus;

/**
 * The queue's filter as the URL carries it — the same names on the page, the export and the API: {@code status}
 * (a status, {@code all}, or none for the open tickets), {@code category}, {@code priority}, {@code channel},
 * {@code flag}, {@code mine} (assigned to whoever asks), {@code from} and {@code to} (a Moscow date, both days
 * included, or an ISO instant), {@code q}, {@code limit} and {@code after} (the cursor of the page before).
 */
final class QueueParameters {

    static final String[] NAMES = {"status", "category", "priority", "channel", "flag", "mine", "from", "to", "q"};

    private QueueParameters() {
    }

    /** What was asked, or which parameter is wrong. */
    sealed interface Outcome permits Valid, Invalid {
    }

    record Valid(QueueFilter filter, Optional<QueueCursor> after, int limit) implements Outcome {
    }

    /** {@code message} is the Russian sentence the page or the API answers with. */
    record Invalid(String parameter, String message) implements Outcome {
    }

    /** Reads the parameters ({@code parameter} gives each one's value or null) for {@code member}. */
    static Outcome read(Function<String, String> parameter, StaffMember member) {
        QueueFilter filter = QueueFilter.open();
        String status = value(parameter, "status");
        if (status.equals("all")) {
            filter = filter.withEveryStatus();
        } else if (!status.isEmpty()) {
            Optional<TicketStatus> known = Coded.byCode(TicketStatus.class, status);
            if (known.isEmpty()) {
                return new Invalid("status", "Неизвестный статус: укажите один из статусов обращения или all.");
            }
            filter = filter.withStatus(known.get());
        }
        String category = value(parameter, "category");
        if (!category.isEmpty()) {
            Optional<Category> known = Coded.byCode(Category.class, category);
            if (known.isEmpty()) {
                return new Invalid("category", "Неизвестная категория обращения.");
            }
            filter = filter.withCategory(known.get());
        }
        String priority = value(parameter, "priority");
        if (!priority.isEmpty()) {
            Optional<Priority> known = Coded.byCode(Priority.class, priority);
            if (known.isEmpty()) {
                return new Invalid("priority", "Неизвестный приоритет: high, normal или low.");
            }
            filter = filter.withPriority(known.get());
        }
        String channel = value(parameter, "channel");
        if (!channel.isEmpty()) {
            Optional<Channel> known = Coded.byCode(Channel.class, channel);
            if (known.isEmpty()) {
                return new Invalid("channel", "Неизвестный канал: email или form.");
            }
            filter = filter.withChannel(known.get());
        }
        String flag = value(parameter, "flag");
        if (!flag.isEmpty()) {
            Optional<QueueFlag> known = Coded.byCode(QueueFlag.class, flag);
            if (known.isEmpty()) {
                return new Invalid("flag", "Неизвестная отметка: overdue, at_risk, repeat_request или ack_failed.");
            }
            filter = filter.withFlag(known.get());
        }
        String mine = value(parameter, "mine");
        if (!mine.isEmpty() && !mine.equals("0") && !mine.equals("false")) {
            filter = filter.withAssignee(member.login());
        }
        Optional<Instant> from;
        Optional<Instant> to;
        try {
            from = moment(value(parameter, "from"), false);
            to = moment(value(parameter, "to"), true);
        } catch (DateTimeParseException e) {
            return new Invalid(e.getParsedString().equals(value(parameter, "from")) ? "from" : "to",
                    "Дата указана неверно: нужна дата в виде 2026-12-03 или момент в виде 2026-12-03T09:00:00Z.");
        }
        filter = filter.withReceived(from, to).withSearch(value(parameter, "q"));
        int limit = TicketQueue.DEFAULT_LIMIT;
        String size = value(parameter, "limit");
        if (!size.isEmpty()) {
            if (!size.matches("\\d{1,6}") || Integer.parseInt(size) < 1) {
                return new Invalid("limit", "Число строк указано неверно: нужно целое число от 1 до "
                        + TicketQueue.MAX_LIMIT + ".");
            }
            limit = Math.min(Integer.parseInt(size), TicketQueue.MAX_LIMIT);
        }
        String afterText = value(parameter, "after");
        Optional<QueueCursor> after = QueueCursor.parse(afterText);
        if (!afterText.isEmpty() && after.isEmpty()) {
            return new Invalid("after", "Ссылка на следующую страницу повреждена: откройте очередь заново.");
        }
        return new Valid(filter, after, limit);
    }

    private static String value(Function<String, String> parameter, String name) {
        String value = parameter.apply(name);
        return value == null ? "" : value.strip();
    }

    /** A Moscow date (its start; for {@code to}, the next day's start, so the day is included) or an instant. */
    private static Optional<Instant> moment(String text, boolean end) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.length() == 10) {
            LocalDate day = LocalDate.parse(text);
            return Optional.of((end ? day.plusDays(1) : day).atStartOfDay(SlaCalendar.MOSCOW).toInstant());
        }
        return Optional.of(Instant.parse(text));
    }
}
