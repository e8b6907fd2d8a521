package org.supportintake.mail.mime;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Russian in the legacy charsets: charset labels as mailers misspell them, and the reading of
 * 8-bit bytes (windows-1251, KOI8-R or CP866) that looks most like Russian, mostly lower-case letters.
 */
public final class CyrillicText {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final Charset KOI8_R = Charset.forName("KOI8-R");
    private static final Charset CP866 = Charset.forName("IBM866");
    private static final List<Charset> LEGACY = List.of(WINDOWS_1251, KOI8_R, CP866);
    private static final Map<String, Charset> ALIASES = Map.of(
            "win-1251", WINDOWS_1251, "win1251", WINDOWS_1251, "cp-1251", WINDOWS_1251, "x-cp1251", WINDOWS_1251,
            "koi8", KOI8_R, "koi-8r", KOI8_R, "koi8r", KOI8_R, "cp-866", CP866, "x-cp866", CP866, "dos-866", CP866);

    private CyrillicText() {
    }

    /** The charset a label names, tolerating common misspellings; empty for unknown labels. */
    public static Optional<Charset> charsetFor(String label) {
        String name = label.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (ALIASES.containsKey(name)) {
            return Optional.of(ALIASES.get(name));
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** The legacy Cyrillic reading (windows-1251, KOI8-R, CP866) with the best Russian score. */
    static String bestReading(byte[] bytes) {
        String best = new String(bytes, WINDOWS_1251);
        double bestScore = -1;
        for (Charset charset : LEGACY) {
            String text = new String(bytes, charset);
            double score = russianScore(text);
            if (score > bestScore) {
                best = text;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * Share of the non-ASCII-punctuation characters that are lower-case Cyrillic letters: high for
     * Russian prose, low for a wrong reading (capitals, box drawing, symbols).
     */
    static double russianScore(String text) {
        int counted = 0;
        int lowerCyrillic = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c < 0x80 && !Character.isLetter(c)) {
                continue;
            }
            counted++;
            if (c >= 'а' && c <= 'я' || c == 'ё') {
                lowerCyrillic++;
            }
        }
        return counted == 0 ? 0 : (double) lowerCyrillic / counted;
    }
}
