package org.supportintake.web.staff;

import org.supportintake.core.log.EventKind;

/** The Russian name of each intake-log event, as staff read it in a ticket's history. */
final class EventNames {

    private EventNames() {
    }

    static String of(EventKind kind) {
        return switch (kind) {
            case TICKET_CREATED -> "Обращение создано";
            case FOLLOW_UP_ADDED -> "Дополнение от гражданина";
            case TICKET_REOPENED -> "Обращение открыто снова";
            case TICKET_TAKEN -> "Взято в работу";
            case STAFF_ASKED -> "Вопрос гражданину; ждём ответа";
            case TICKET_RESOLVED -> "Ответ отправлен; решено";
            case TICKET_CLOSED -> "Закрыто";
            case TICKET_RATED -> "Гражданин оценил ответ";
            case DUE_EXTENDED -> "Срок перенесён";
            case CATEGORY_CHANGED -> "Категория изменена";
            case PRIORITY_CHANGED -> "Приоритет изменён";
            case MARKED_NOT_A_REQUEST -> "Отмечено как не обращение (спам)";
            case TICKET_OVERDUE -> "Срок ответа пропущен";
            case TICKET_AT_RISK -> "Срок ответа под угрозой";
            case MAIL_IGNORED -> "Письмо пропущено";
            case EMAIL_REJECTED -> "Письмо не принято";
            case ACKNOWLEDGEMENT_UNDELIVERABLE -> "Письмо гражданину не доставлено (возврат)";
            case ACKNOWLEDGEMENT_SUPPRESSED -> "Письмо гражданину не отправлено: превышен лимит";
            case ACKNOWLEDGEMENT_FAILED -> "Письмо гражданину не отправлено";
            case MAIL_DAMAGED -> "Часть письма не прочитана";
            case MAIL_FAILED -> "Письмо отложено для разбора";
            // a kind added later shows its code until it gets a name here
            default -> kind.code();
        };
    }
}
