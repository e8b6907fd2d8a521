package org.supportintake.core.ticket;

import org.supportintake.core.submission.Coded;

/** Where a ticket stands; the clock pauses while it waits for the citizen. */
public enum TicketStatus implements Coded {
    ACCEPTED("accepted", "Принято"),
    IN_PROGRESS("in_progress", "В работе"),
    WAITING_FOR_CITIZEN("waiting_for_citizen", "Ожидание ответа"),
    RESOLVED("resolved", "Решено"),
    CLOSED("closed", "Закрыто");

    private final String code;
    private final String title;

    TicketStatus(String code, String title) {
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
