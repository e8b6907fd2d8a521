package org.supportintake.core.outbox;

import org.supportintake.core.submission.Coded;

/** Why a mail is in the outbox. */
public enum OutboxKind implements Coded {
    ACKNOWLEDGEMENT("acknowledgement"),
    FOLLOW_UP_ACKNOWLEDGEMENT("follow_up_acknowledgement"),
    /** Why an email made no ticket (no usable text, no acceptable file). */
    EXPLANATION("explanation"),
    /** What staff tell the citizen: taken into work, a question, the answer, a delay. */
    STAFF_NOTICE("staff_notice"),
    /** The supervisors' daily digest. */
    DIGEST("digest");

    private final String code;

    OutboxKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
