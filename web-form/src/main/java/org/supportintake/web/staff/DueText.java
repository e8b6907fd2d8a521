package org.supportintake.web.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.supportintake.core.ticket.TicketStatus;

/**
 * What is left of a ticket's time, as the queue says it: «осталось 2 ч 10 мин», «просрочено на 3 ч». Nothing for a
 * ticket already answered; «срок на паузе» while it waits for the citizen, as the reply clock does then.
 */
final class DueText {

    private DueText() {
    }

    /** The text for a ticket in {@code status} due at {@code dueAt}, seen at {@code now}. */
    static Optional<String> left(Instant dueAt, Instant now, TicketStatus status) {
        if (status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED) {
            return Optional.empty();
        }
        if (status == TicketStatus.WAITING_FOR_CITIZEN) {
            return Optional.of("срок на паузе");
        }
        Duration left = Duration.between(now, dueAt);
        if (left.isNegative()) {
            Duration late = left.negated();
            return Optional.of(late.toMinutes() == 0 ? "только что просрочено" : "просрочено на " + span(late));
        }
        return Optional.of(left.toMinutes() == 0 ? "осталось меньше минуты" : "осталось " + span(left));
    }

    /** Whether the time is up (the text is then a warning). */
    static boolean late(Instant dueAt, Instant now, TicketStatus status) {
        return (status == TicketStatus.ACCEPTED || status == TicketStatus.IN_PROGRESS) && now.isAfter(dueAt);
    }

    /** Days and hours, or hours and minutes: two units at most, whole ones, a zero second unit left out. */
    private static String span(Duration duration) {
        long minutes = duration.toMinutes();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " дн" + (hours > 0 ? " " + hours + " ч" : "");
        }
        if (hours > 0) {
            return hours + " ч" + (mins > 0 ? " " + mins + " мин" : "");
        }
        return mins + " мин";
    }
}
