package org.supportintake.core.ticket;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket number as citizens see it: two-digit year, a serial of at least seven digits, and a
 * Damm check digit over all digits before it, written {@code 26-0004217-9}.
 */
public record TicketNumber(int year, long serial) {

    /** A hyphen, or what a word processor or a phone puts in its place: a dash (U+2010–U+2014), a minus sign. */
    private static final String DASH = "[-\\u2010-\\u2014\\u2212\\uFF0D]";
    private static final String SPACE = "[\\s\\u00A0\\u202F]";
    /** A dash, maybe with spaces around it, or a space (no-break ones included). */
    private static final String SEPARATOR = "(?:" + SPACE + "*" + DASH + SPACE + "*|" + SPACE + ")";
    private static final String DIGITS = "(\\d{2})" + SEPARATOR + "?(\\d{7,})" + SEPARATOR + "?(\\d)";
    /** «№», «#», and what stands for «№» on a Latin keyboard: «No», «N», «Nº» (ordinal sign), «N°» (degree sign). */
    private static final String SIGN = "(?:№|#|No\\.?|N[º°]?)";
    private static final Pattern WHOLE = Pattern.compile(SIGN + "?[\\s\\u00A0]*" + DIGITS, Pattern.CASE_INSENSITIVE);
    // A letter sign must not end a word ("Reno 26…"); «№» and «#» may follow one ("Заявка#26…"). Untagged, the
    // number must be grouped as we write it, so a phone number or an application's ten digits are not read as one.
    private static final Pattern TAGGED = Pattern.compile(
            "(?:(?:(?<![\\p{L}\\d])(?:No\\.?|N[º°]?)|№|#)[\\s\\u00A0]*" + DIGITS
                    + "|(?<![\\p{L}\\d])(\\d{2})(?:" + DASH + "(\\d{7,})" + DASH + "|[ \\u00A0](\\d{7,})[ \\u00A0])(\\d))"
                    + "(?!\\d)",
            Pattern.CASE_INSENSITIVE);

    public TicketNumber {
        if (year < 0 || year > 99) {
            throw new IllegalArgumentException("year must be two digits: " + year);
        }
        if (serial < 1) {
            throw new IllegalArgumentException("serial must be positive: " + serial);
        }
    }

    /** The number for the given two-digit year and serial. */
    public static TicketNumber of(int year, long serial) {
        return new TicketNumber(year, serial);
    }

    /**
     * The number typed by a person: {@code 26-0004217-9}, {@code 2600042179}, {@code № 26 0004217 9};
     * empty when it is malformed or its check digit is wrong.
     */
    public static Optional<TicketNumber> parse(String text) {
        Matcher m = WHOLE.matcher(text.strip());
        return m.matches() ? checked(m.group(1), m.group(2), m.group(3)) : Optional.empty();
    }

    /**
     * The first valid number in a mail subject: tagged ({@code № …}, {@code # …}, {@code No …}, {@code Nº …}), or
     * untagged when grouped as we write it ({@code 26-0004217-9}, {@code 26 0004217 9}, a dash for a hyphen).
     */
    public static Optional<TicketNumber> findIn(String subject) {
        Matcher m = TAGGED.matcher(subject);
        while (m.find()) {
            Optional<TicketNumber> found = m.group(1) != null
                    ? checked(m.group(1), m.group(2), m.group(3))
                    : checked(m.group(4), m.group(5) != null ? m.group(5) : m.group(6), m.group(7));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<TicketNumber> checked(String year, String serial, String check) {
        if (!DammCheckDigit.isValid(year + serial + check) || serial.length() > 15) {
            return Optional.empty();
        }
        long value = Long.parseLong(serial);
        return value < 1 ? Optional.empty() : Optional.of(new TicketNumber(Integer.parseInt(year), value));
    }

    public int checkDigit() {
        return DammCheckDigit.of(digitsBeforeCheck());
    }

    private String digitsBeforeCheck() {
        return padded(padded(new StringBuilder(24), year, 2), serial, 7).toString();
    }

    /** The way outgoing subjects carry it: {@code [№ 26-0004217-9]}. */
    public String subjectTag() {
        return "[№ " + this + "]";
    }

    @Override
    public String toString() {
        // by hand, not String.format: an accept writes the number four times (row, subject, body), and formatting
        // it was 6% of an accept's CPU
        return padded(padded(new StringBuilder(26), year, 2).append('-'), serial, 7).append('-').append(checkDigit())
                .toString();
    }

    /** {@code value} in decimal, with leading zeros to at least {@code width} digits. */
    private static StringBuilder padded(StringBuilder text, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
