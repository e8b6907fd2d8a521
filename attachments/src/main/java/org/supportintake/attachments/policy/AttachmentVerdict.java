package org.supportintake.attachments.policy;

/** Whether one file may reach a ticket. */
public sealed interface AttachmentVerdict {

    /** The file may reach the ticket. */
    record Accepted() implements AttachmentVerdict {
    }

    /** The file stays out, for the given reason. */
    record Rejected(RejectionReason reason) implements AttachmentVerdict {
    }

    static AttachmentVerdict accepted() {
        return new Accepted();
    }

    static AttachmentVerdict rejected(RejectionReason reason) {
        return new Rejected(reason);
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }
}
