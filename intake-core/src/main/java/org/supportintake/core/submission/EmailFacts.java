package org.supportintake.core.submission;

import java.util.List;

/** The headers of an email that threading relies on; empty strings where a header was absent. */
public record EmailFacts(String messageId, String inReplyTo, List<String> references) {

    /** No email headers at all (the form). */
    public static final EmailFacts NONE = new EmailFacts("", "", List.of());

    public EmailFacts {
        messageId = Submission.orEmpty(messageId);
        inReplyTo = Submission.orEmpty(inReplyTo);
        references = List.copyOf(references);
    }
}
