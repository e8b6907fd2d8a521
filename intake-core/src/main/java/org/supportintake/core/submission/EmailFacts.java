package org.supportintake.core.submission;

import java.util.List;

/** The headers of an email that threading relies on; empty strings where a header was absent. */
public record EmailFacts(String messageId, String inReplyTo, List<String> references) {

    public EmailFacts {
        messageId = Submission.orEmpty(messageId);
        inReplyTo = Submission.orEmpty(inReplyTo);
        references = List.copyOf(references);
    }
}
