package org.supportintake.core.queue;

import org.supportintake.core.submission.Coded;

/** A mark on a ticket in the queue, and the queue's filter by it. */
public enum QueueFlag implements Coded {
    OVERDUE("overdue", "Просрочено"),
    AT_RISK("at_risk", "Срок на исходе"),
    REPEAT_REQUEST("repeat_request", "Повторное"),
    /** The acknowledgement or a later mail to the citizen was refused for good or never left. */
    ACK_FAILED("ack_failed", "Письмо не доставлено");

    private final String code;
    private final String title;

    QueueFlag(String code, String title) {
        this.code = code;
        this.title = title;
    }

    @Override
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
