package org.supportintake.core.submission;

import java.util.List;

/** The headers of an email that threading relies on; empty strings where a header was absent. */
public record EmailFacts(String messageId, String inReplyTo, List<String> references) {

    /** What a reply's {@code References} carries: theirs, then their Message-ID (RFC 5322 §3.6.4). */
    public List<String> replyReferences() {
        if (messageId.isEmpty()) {
            return references;
        }
        var chain = new java.util.ArrayList<>(references);
        chain.add(messageId);
        return List.copyOf(chain);
    }

    /** No email headers at all (the form). */
    public static final EmailFacts NONE = new EmailFacts("", "", List.of());

    public EmailFacts {
        messageId = Submission.orEmpty(messageId);
        inReplyTo = Submission.orEmpty(inReplyTo);
        references = List.copyOf(references);
    }
}
