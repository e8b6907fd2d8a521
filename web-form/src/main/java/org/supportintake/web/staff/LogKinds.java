package org.supportintake.web.staff;

import org.supportintake.core.log.EventKind;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Coded;

/** The Russian names of the intake log's kinds and channels; a code this version does not know shows as it is. */
final class LogKinds {

    private LogKinds() {
    }

    static String title(String code) {
        return Coded.byCode(EventKind.class, code).map(LogKinds::title).orElse(code);
    }

    static String title(EventKind kind) {
        switch (kind) {
            case TICKET_CREATED: return "Создано обращение";
            case FOLLOW_UP_ADDED: return "Дополнение к обращению";
            case TICKET_REOPENED: return "Обращение открыто снова";
            case TICKET_TAKEN: return "Взято в работу";
            case STAFF_ASKED: return "Запрошен ответ гражданина";
            case TICKET_RESOLVED: return "Решено";
            case TICKET_CLOSED: return "Закрыто";
            case TICKET_RATED: return "Оценка ответа";
            case DUE_EXTENDED: return "Срок продлён";
            case CATEGORY_CHANGED: return "Изменена категория";
            case PRIORITY_CHANGED: return "Изменён приоритет";
            case TICKET_OVERDUE: return "Просрочено";
            case TICKET_AT_RISK: return "Под угрозой просрочки";
            case MAIL_IGNORED: return "Письмо без обращения (автоответ, рассылка, недоставка)";
            case EMAIL_REJECTED: return "Письмо без пригодного содержания";
            case ACKNOWLEDGEMENT_UNDELIVERABLE: return "Подтверждение не доставлено";
            case ACKNOWLEDGEMENT_SUPPRESSED: return "Подтверждение не отправлено (предел писем)";
            case ACKNOWLEDGEMENT_FAILED: return "Письмо гражданину не отправлено";
            case MAIL_DAMAGED: return "Письмо прочитано не полностью";
            case MAIL_FAILED: return "Письмо отложено";
            case REQUESTER_ERASED: return "Данные заявителя удалены";
            default: return kind.code(); // a kind added after these names were written
        }
    }

    static String channel(String code) {
        return code.equals(Channel.EMAIL.code()) ? "Почта" : code.equals(Channel.FORM.code()) ? "Форма" : code;
    }
}
