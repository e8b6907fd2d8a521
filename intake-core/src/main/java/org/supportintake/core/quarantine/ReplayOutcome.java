package org.supportintake.core.quarantine;

import org.supportintake.core.ticket.TicketNumber;

/** What replaying a set-aside mail through the intake path made of it; {@link #text()} is what staff read. */
public sealed interface ReplayOutcome {

    /** In Russian, for the page and the row's stored outcome. */
    String text();

    /** Whether the mail left the quarantine (it reached a ticket, or was handled without one). */
    default boolean handled() {
        return !(this instanceof SetAsideAgain || this instanceof TryLater);
    }

    record Created(TicketNumber ticketNumber) implements ReplayOutcome {
        @Override
        public String text() {
            return "Создано обращение " + ticketNumber;
        }
    }

    record FollowUp(TicketNumber ticketNumber) implements ReplayOutcome {
        @Override
        public String text() {
            return "Добавлено к обращению " + ticketNumber;
        }
    }

    /** The message had reached a ticket before (an earlier replay, or a later delivery): nothing changed. */
    record Duplicate(TicketNumber ticketNumber) implements ReplayOutcome {
        @Override
        public String text() {
            return "Уже было принято ранее, обращение " + ticketNumber + "; ничего не изменилось";
        }
    }

    /** No ticket: an auto-reply, bounce, list or own mail, or an email with nothing usable ({@code reason} a code). */
    record Ignored(String reason) implements ReplayOutcome {
        @Override
        public String text() {
            return "Обращение не создано: " + switch (reason) {
                case "auto_reply" -> "автоответ";
                case "bounce" -> "уведомление о недоставке";
                case "list" -> "письмо рассылки";
                case "own" -> "наше собственное письмо";
                case "invalid" -> "в письме нет пригодного текста или файлов, отправителю ушло пояснение";
                default -> reason;
            };
        }
    }

    /** The mail path set it aside again; {@code reason} in English, as the path gives it. */
    record SetAsideAgain(String reason) implements ReplayOutcome {
        @Override
        public String text() {
            return "Снова отложено: " + reason;
        }
    }

    /** A fault that may pass (a lock, a conflict): try again later. */
    record TryLater(String reason) implements ReplayOutcome {
        @Override
        public String text() {
            return "Временная ошибка, повторите позже: " + reason;
        }
    }

    /** The raw message was not kept (over the size limit) or is gone from the store. */
    record RawMissing() implements ReplayOutcome {
        @Override
        public String text() {
            return "Исходное письмо не сохранено: повторная обработка невозможна";
        }
    }
}
