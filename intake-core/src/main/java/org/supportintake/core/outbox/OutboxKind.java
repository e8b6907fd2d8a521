package org.supportintake.core.outbox;

import java.util.Optional;

import org.supportintake.core.submission.Coded;

/** Why a mail is in the outbox, and whether a person wrote it. */
public enum OutboxKind implements Coded {
    ACKNOWLEDGEMENT("acknowledgement", "auto-replied"),
    FOLLOW_UP_ACKNOWLEDGEMENT("follow_up_acknowledgement", "auto-replied"),
    /** Why an email made no ticket (no usable text, no acceptable file). */
    EXPLANATION("explanation", "auto-replied"),
    /** What the service tells the citizen when staff take the ticket into work: no words of theirs. */
    STATUS_NOTICE("status_notice", "auto-generated"),
    /** What staff write to the citizen: a question, the answer, a delay with its reason. */
    STAFF_NOTICE("staff_notice", ""),
    /** The supervisors' daily digest. */
    DIGEST("digest", "auto-generated");

    private final String code;
    private final String autoSubmitted;

    OutboxKind(String code, String autoSubmitted) {
        this.code = code;
        this.autoSubmitted = autoSubmitted;
    }

    @Override
    public String code() {
        return code;
    }

    /**
     * RFC 3834 §5 {@code Auto-Submitted}: {@code auto-replied} for an automatic answer to the citizen's mail,
     * {@code auto-generated} for other automatic mail; empty for what a person wrote, which is no automatic mail.
     */
    public Optional<String> autoSubmitted() {
        return autoSubmitted.isEmpty() ? Optional.empty() : Optional.of(autoSubmitted);
    }
}
