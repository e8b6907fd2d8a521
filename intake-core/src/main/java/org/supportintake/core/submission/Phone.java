package org.supportintake.core.submission;

import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * Phone numbers as citizens type them ({@code 8 (912) 345-67-89}, {@code +7…}, foreign numbers, digits of any script):
 * digits, spaces, dashes, dots and parentheses, no letter but in a trailing extension, which is not kept.
 */
public final class Phone {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
    /** A trailing extension as offices write it: «доб. 123», «добавочный 123», «ext. 12», «x12», «#12». */
    private static final Pattern EXTENSION = Pattern.compile(
            "[\\s,;]*(?:доб(?:авочный)?\\.?|ext(?:ension)?\\.?|x|#)\\s*\\d{1,7}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * The thread's last answer: a submission's number is validated and then stored, one right after the other on one
     * thread, and parsing it was 6% of an accept's CPU.
     */
    private static final ThreadLocal<Parsed> LAST = new ThreadLocal<>();

    private Phone() {
    }

    /** The number in E.164 ({@code +79123456789}); numbers without a country code are taken as Russian. */
    public static Optional<String> toE164(String typed) {
        Parsed last = LAST.get();
        if (last != null && last.typed().equals(typed)) {
            return last.e164();
        }
        Optional<String> e164 = parse(typed);
        LAST.set(new Parsed(typed, e164));
        return e164;
    }

    private static Optional<String> parse(String typed) {
        // libphonenumber reads letters as keypad digits (ABC is 222), so a typo would be stored as another number.
        // An office number's extension («доб. 12», «ext. 12») is the one place a word belongs; E.164 has no room for it.
        String number = EXTENSION.matcher(typed).replaceFirst("");
        if (typed.length() > 40 || number.codePoints().anyMatch(Character::isLetter)) {
            return Optional.empty();
        }
        try {
            var parsed = NUMBERS.parse(number, "RU");
            return NUMBERS.isValidNumber(parsed)
                    ? Optional.of(NUMBERS.format(parsed, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** A typed number and what it parsed to. */
    private record Parsed(String typed, Optional<String> e164) {
    }
}
