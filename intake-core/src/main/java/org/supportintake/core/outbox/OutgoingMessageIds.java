package org.supportintake.core.outbox;

import java.util.Locale;
import java.util.UUID;

/** Message-IDs for our own mail (RFC 5322 §3.6.4): unique, on the domain of the address we send from. */
public final class OutgoingMessageIds {

    private final String domain;

    public OutgoingMessageIds(String mailFrom) {
        int at = mailFrom.lastIndexOf('@');
        this.domain = at < 0 ? "localhost" : mailFrom.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** A new id, angle brackets included. */
    public String next() {
        return "<intake." + UUID.randomUUID() + "@" + domain + ">";
    }
}
