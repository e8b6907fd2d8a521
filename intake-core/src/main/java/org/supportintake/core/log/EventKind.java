package org.supportintake.core.log;

import org.supportintake.core.submission.Coded;

/** What happened, in the intake log. */
public enum EventKind implements Coded {
    TICKET_CREATED("ticket_created"),
    FOLLOW_UP_ADDED("follow_up_added");

    private final String code;

    EventKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
