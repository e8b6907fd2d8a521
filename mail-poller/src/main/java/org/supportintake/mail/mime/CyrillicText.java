package org.supportintake.mail.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Bytes to text when the declared charset is missing, misspelt or wrong, as Russian mail often
 * is: valid UTF-8 wins; otherwise the legacy Cyrillic charset whose reading looks most like Russian
 * (mostly lower-case Cyrillic letters) is chosen.
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

    /** Decodes with the declared charset when the bytes fit it, else guesses. */
    public static String decode(byte[] bytes, String declaredCharset) {
        Optional<Charset> declared = charsetFor(declaredCharset);
        if (declared.isPresent() && !isAscii(declared.get()) && fits(bytes, declared.get())) {
            return new String(bytes, declared.get());
        }
        return guess(bytes);
    }

    /** Valid UTF-8 as such; otherwise the legacy Cyrillic reading with the best Russian score. */
    public static String guess(byte[] bytes) {
        if (fits(bytes, StandardCharsets.UTF_8)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
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

    private static boolean isAscii(Charset charset) {
        return charset.equals(StandardCharsets.US_ASCII);
    }

    private static boolean fits(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
