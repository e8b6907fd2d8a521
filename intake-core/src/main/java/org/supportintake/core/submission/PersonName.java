package org.supportintake.core.submission;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What a person's name may look like: one line of Cyrillic or Latin letters, spaces, hyphens,
 * apostrophes and dots, with nothing a mail client would show as a link. Thread-safe.
 */
public final class PersonName {

    private static final String LETTER = "[\\p{L}&&[\\p{IsCyrillic}\\p{IsLatin}]]";
    // Two linear checks rather than one pattern with a letter in the middle, which backtracks quadratically.
    private static final Pattern ALLOWED = Pattern.compile("[" + LETTER + " .'’ʼ-]+");
    private static final Pattern A_LETTER = Pattern.compile(LETTER);
    /** A dot followed by two letters reads as a domain ({@code evil.com}, {@code почта.рф}); initials have one. */
    private static final Pattern DOMAIN_LIKE = Pattern.compile("\\." + LETTER + "{2}");

    private PersonName() {
    }

    /** True when the trimmed text is such a plain name; blank text is not a name. */
    public static boolean isPlain(String text) {
        String name = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        return ALLOWED.matcher(name).matches() && A_LETTER.matcher(name).find() && !DOMAIN_LIKE.matcher(name).find();
    }
}
