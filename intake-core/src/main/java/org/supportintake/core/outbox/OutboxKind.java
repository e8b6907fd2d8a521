package org.supportintake.core.outbox;

import org.supportintake.core.submission.Coded;

/** Why a mail is in the outbox. */
public enum OutboxKind implements Coded {
    ACKNOWLEDGEMENT("acknowledgement"),
    FOLLOW_UP_ACKNOWLEDGEMENT("follow_up_acknowledgement"),
    /** Why an email made no ticket (no usable text, no acceptable file). */
    EXPLANATION("explanation");

    private final String code;

    OutboxKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
