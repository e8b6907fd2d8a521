package org.supportintake.web.staff;

import java.util.function.Function;

import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.submission.Category;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Coded;
import org.supportintake.core.ticket.Priority;

/** Russian names staff read for the codes a ticket carries. */
final class Words {

    private Words() {
    }

    static String channel(Channel channel) {
        return channel == Channel.EMAIL ? "Электронная почта" : "Форма на сайте";
    }

    /** The channel in a table column or a filter, where the full name would not fit. */
    static String channelShort(Channel channel) {
        return channel == Channel.EMAIL ? "Эл. почта" : "Форма на сайте";
    }

    static String priority(Priority priority) {
        return switch (priority) {
            case HIGH -> "Высокий";
            case NORMAL -> "Обычный";
            case LOW -> "Низкий";
        };
    }

    /** The category's title; a mail has none until staff choose one; a code no longer known is shown as it is. */
    static String category(String code) {
        return code == null || code.isBlank() ? "не указана"
                : titleOf(Category.class, code, Category::title);
    }

    static String mailKind(OutboxKind kind) {
        return switch (kind) {
            case ACKNOWLEDGEMENT -> "Подтверждение приёма";
            case FOLLOW_UP_ACKNOWLEDGEMENT -> "Подтверждение дополнения";
            case EXPLANATION -> "Объяснение: письмо не принято";
            case STATUS_NOTICE -> "Уведомление: взято в работу";
            case STAFF_NOTICE -> "Письмо от сотрудника";
            case DIGEST -> "Сводка руководителю";
            default -> kind.code();
        };
    }

    /** The {@code title} of the constant whose code is {@code code}; a code no longer known is shown as it is. */
    static <E extends Enum<E> & Coded> String titleOf(Class<E> type, String code, Function<E, String> title) {
        return Coded.byCode(type, code).map(title).orElse(code);
    }

    /** «512 байт», «2,0 КБ», «3,4 МБ». */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + "\u00a0байт";
        }
        double kb = bytes / 1024.0;
        return kb < 1024 ? String.format(java.util.Locale.forLanguageTag("ru"), "%.1f\u00a0КБ", kb)
                : String.format(java.util.Locale.forLanguageTag("ru"), "%.1f\u00a0МБ", kb / 1024);
    }
}
