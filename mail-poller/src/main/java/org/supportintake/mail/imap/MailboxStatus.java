package org.supportintake.mail.imap;

import java.time.Instant;
import java.util.Optional;

/**
 * What a monitor needs to know of one mailbox, as its poller saw it since the start: when a poll
 * last went through, how many polls in a row have failed (mail server, database or file store
 * unreachable), and how many messages were set aside in the {@code Failed} folder. {@code mailbox}
 * is the login and folder, never the password or the server.
 */
public record MailboxStatus(String mailbox, Optional<Instant> lastSuccessfulPoll, int consecutiveFailures,
                            long setAside) {

    /** Failed polls in a row after which the mailbox counts as degraded. */
    public static final int DEGRADED_AFTER = 3;

    public boolean degraded() {
        return consecutiveFailures >= DEGRADED_AFTER;
    }
}
