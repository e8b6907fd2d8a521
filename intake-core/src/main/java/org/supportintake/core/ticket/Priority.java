package org.supportintake.core.ticket;

import org.supportintake.core.submission.Coded;

/** How soon a ticket must be answered, as shown in the queue. */
public enum Priority implements Coded {
    HIGH("high"),
    NORMAL("normal"),
    LOW("low");

    private final String code;

    Priority(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
