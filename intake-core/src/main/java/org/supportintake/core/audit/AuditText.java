package org.supportintake.core.audit;

import org.supportintake.core.logging.ContactMask;

/**
 * The audit's {@code what}, with email addresses and phone numbers masked: the audit outlives a requester's erasure,
 * so it must not hold their contact details, while «и***@mail.ru» still tells a reader what was searched for.
 */
public final class AuditText {

    private static final int MAX = 500;

    private AuditText() {
    }

    /** {@code text} with each email kept to its first character and domain, and each phone to its last two digits. */
    public static String masked(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String masked = ContactMask.masked(text);
        return masked.length() > MAX ? masked.substring(0, MAX) : masked;
    }
}
