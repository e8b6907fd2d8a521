package org.supportintake.core.submission;

import java.util.ArrayList;
import java.util.List;

/**
 * What only an email has: the headers threading relies on, the quoted earlier message (kept apart
 * from the new text), the SHA-256 of the raw message archived as evidence, and what could not be
 * read whole (English lines, recorded on the ticket). Empty where absent.
 */
public record EmailFacts(String messageId, String inReplyTo, List<String> references, String quotedText,
                         String rawSha256, List<String> readingProblems) {

    /** No email at all (the form). */
    public static final EmailFacts NONE = new EmailFacts("", "", List.of(), "", "", List.of());

    public EmailFacts {
        messageId = Submission.orEmpty(messageId);
        inReplyTo = Submission.orEmpty(inReplyTo);
        references = List.copyOf(references);
        quotedText = Submission.orEmpty(quotedText);
        rawSha256 = Submission.orEmpty(rawSha256);
        readingProblems = List.copyOf(readingProblems);
    }

    /** Threading headers only. */
    public static EmailFacts headers(String messageId, String inReplyTo, List<String> references) {
        return new EmailFacts(messageId, inReplyTo, references, "", "", List.of());
    }

    /** What a reply's {@code References} carries: theirs, then their Message-ID (RFC 5322 §3.6.4). */
    public List<String> replyReferences() {
        if (messageId.isEmpty()) {
            return references;
        }
        List<String> chain = new ArrayList<>(references);
        chain.add(messageId);
        return List.copyOf(chain);
    }
}
