package org.supportintake.core.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule that hides contact details in text kept or shown to admins (the audit, every log line): each email
 * address keeps its first character and domain («и***@mail.ru»), each phone number its last two digits («***67»),
 * so a reader still sees what was there without holding a requester's contacts.
 */
public final class ContactMask {

    private static final Pattern EMAIL = Pattern.compile("([^\\s@,;:<>\"'()=\\[\\]{}]{1,64})@([^\\s@,;:<>\"'()\\[\\]{}]+)");
    /**
     * Ten to fifteen digits (a phone with its code), possibly with spaces, dashes, dots, brackets and a leading plus;
     * not the tail of a longer token (a UUID, a thread name, a longer number).
     */
    private static final Pattern PHONE = Pattern.compile("(?<![\\p{L}\\p{N}_.\\-])\\+?\\d(?:[\\s\\-.()]*\\d){9,14}(?!\\d)");
    /** The Message-IDs this service gives its own mails ({@code OutgoingMessageIds}): they name no one. */
    private static final Pattern OWN_MESSAGE_ID = Pattern.compile("intake\\.[0-9a-f]{8}-[0-9a-f-]{27}");
    /** What looks like a phone but is not one: a ticket number, an ISO date or date-time. */
    private static final Pattern NOT_A_PHONE = Pattern.compile("\\d{2}-\\d{7,}-\\d|\\d{4}-\\d{2}-\\d{2}.*");

    private ContactMask() {
    }

    /** {@code text} with its email addresses and phone numbers masked; {@code null} stays {@code null}. */
    public static String masked(String text) {
        if (text == null || text.isEmpty() || !mayHoldContacts(text)) {
            return text;
        }
        String emails = text.indexOf('@') < 0 ? text : EMAIL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                OWN_MESSAGE_ID.matcher(m.group(1)).matches() ? m.group() : m.group(1).codePoints().limit(1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        + "***@" + m.group(2)));
        return PHONE.matcher(emails).replaceAll(m -> {
            if (NOT_A_PHONE.matcher(m.group().strip()).matches()) {
                return Matcher.quoteReplacement(m.group());
            }
            String digits = m.group().replaceAll("\\D", "");
            return "***" + digits.substring(digits.length() - 2);
        });
    }

    /** A cheap first look, as most log lines hold neither an {@code @} nor ten digits. */
    private static boolean mayHoldContacts(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@') {
                return true;
            }
            if (c >= '0' && c <= '9' && ++digits >= 10) {
                return true;
            }
        }
        return false;
    }
}
