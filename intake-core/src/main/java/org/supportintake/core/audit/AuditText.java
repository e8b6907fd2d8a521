package org.supportintake.core.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit's {@code what}, with email addresses and phone numbers masked: the audit outlives a requester's erasure,
 * so it must not hold their contact details, while «и***@mail.ru» still tells a reader what was searched for.
 */
public final class AuditText {

    private static final Pattern EMAIL = Pattern.compile("([^\\s@,;:<>\"'()]{1,64})@([^\\s@,;:<>\"'()]+)");
    /** Ten to fifteen digits (a phone with its code), possibly with spaces, dashes, dots, brackets and a leading plus. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\d(?:[\\s\\-.()]*\\d){9,14}(?!\\d)");
    /** What looks like a phone but is not one: a ticket number, an ISO date or date-time. */
    private static final Pattern NOT_A_PHONE = Pattern.compile("\\d{2}-\\d{7,}-\\d|\\d{4}-\\d{2}-\\d{2}.*");
    private static final int MAX = 500;

    private AuditText() {
    }

    /** {@code text} with each email kept to its first character and domain, and each phone to its last two digits. */
    public static String masked(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String emails = EMAIL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1).codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append) + "***@" + m.group(2)));
        String phones = PHONE.matcher(emails).replaceAll(m -> {
            if (NOT_A_PHONE.matcher(m.group().strip()).matches()) {
                return Matcher.quoteReplacement(m.group());
            }
            String digits = m.group().replaceAll("\\D", "");
            return "***" + digits.substring(digits.length() - 2);
        });
        return phones.length() > MAX ? phones.substring(0, MAX) : phones;
    }
}
