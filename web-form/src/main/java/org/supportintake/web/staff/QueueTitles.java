package org.supportintake.web.staff;

import org.supportintake.core.submission.Channel;
import org.supportintake.core.ticket.Priority;

/** The Russian names staff read for the queue's codes. */
final class QueueTitles {

    private QueueTitles() {
    }

    static String channel(Channel channel) {
        return switch (channel) {
            case EMAIL -> "Эл. почта";
            case FORM -> "Форма на сайте";
        };
    }

    static String priority(Priority priority) {
        return switch (priority) {
            case HIGH -> "Высокий";
            case NORMAL -> "Обычный";
            case LOW -> "Низкий";
        };
    }

    /** The category's title; a code no longer known is shown as it is stored. */
    static String category(String code) {
        return Words.category(code);
    }
}
