package org.supportintake.core.quarantine;

import java.time.Instant;
import java.util.Objects;

/**
 * A mail the poller sets aside, as far as it could be read: {@code sender} and {@code subject} may be empty;
 * {@code rawSha256} is empty when the message was over the size limit and its bytes were not kept. {@code reason}
 * is English and holds no personal data.
 */
public record NewSetAside(Instant receivedAt, String mailbox, String externalId, String sender, String subject,
                          long sizeBytes, String rawSha256, String reason) {

    public NewSetAside {
        Objects.requireNonNull(receivedAt, "receivedAt");
        mailbox = Objects.requireNonNullElse(mailbox, "");
        externalId = Objects.requireNonNullElse(externalId, "");
        sender = Objects.requireNonNullElse(sender, "");
        subject = Objects.requireNonNullElse(subject, "");
        rawSha256 = Objects.requireNonNullElse(rawSha256, "");
        reason = Objects.requireNonNullElse(reason, "");
    }
}
