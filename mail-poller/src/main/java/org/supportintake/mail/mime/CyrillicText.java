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
    // Misspelt Russian labels, and labels whose Java reading differs from what mailers mean (the
    // WHATWG Encoding Standard's mapping: gb2312 is sent as GBK, cp932 is Microsoft's Shift_JIS).
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("win-1251", "windows-1251"), Map.entry("win1251", "windows-1251"),
            Map.entry("cp-1251", "windows-1251"), Map.entry("x-cp1251", "windows-1251"),
            Map.entry("koi8", "KOI8-R"), Map.entry("koi-8r", "KOI8-R"), Map.entry("koi8r", "KOI8-R"),
            Map.entry("cp-866", "IBM866"), Map.entry("x-cp866", "IBM866"), Map.entry("dos-866", "IBM866"),
            Map.entry("x-mac-cyrillic", "x-MacCyrillic"), Map.entry("gb2312", "GBK"), Map.entry("x-gbk", "GBK"),
            Map.entry("cp932", "windows-31j"), Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"));

    private static final char BOX_DRAWING = '\u2500';
    private static final char GEOMETRIC_SHAPES_END = '\u25FF';

    private CyrillicText() {
    }

    /** The charset a label names, tolerating common misspellings; empty for unknown labels. */
    public static Optional<Charset> charsetFor(String label) {
        String name = label.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        try {
            return Optional.of(Charset.forName(ALIASES.getOrDefault(name, name)));
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
     * Share of the letters and symbols that sit as in Russian prose: lower-case Cyrillic letters, and
     * capitals at the start of a word (names). High for Russian, low for a wrong reading (capitals
     * inside words, box drawing, symbols, or a word opening with ъ, ы or ь).
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
            boolean wordStart = i == 0 || !Character.isLetter(text.charAt(i - 1));
            boolean lower = c >= 'а' && c <= 'я' || c == 'ё';
            boolean capital = c >= 'А' && c <= 'Я' || c == 'Ё';
            if (lower && !(wordStart && "ъыь".indexOf(c) >= 0) || capital && wordStart) {
                lowerCyrillic++;
            }
        }
        return counted == 0 ? 0 : (double) lowerCyrillic / counted;
    }

    /**
     * True when a word of the text holds a capital Cyrillic letter right after a small one («гДПЮБ»), or a
     * box-drawing or block symbol between two letters («╟фЁ», what the legacy charsets put in their upper
     * halves): what Russian read in the wrong legacy charset looks like, and what neither prose nor text in
     * capitals does (quotes and dashes between letters, «ООО«РОМАШКА»», are prose).
     */
    static boolean looksMisread(String text) {
        for (int i = 1; i < text.length(); i++) {
            char before = text.charAt(i - 1);
            char c = text.charAt(i);
            boolean capitalAfterSmall = isCyrillic(before) && Character.isLowerCase(before)
                    && isCyrillic(c) && Character.isUpperCase(c);
            boolean symbolInWord = c >= BOX_DRAWING && c <= GEOMETRIC_SHAPES_END && Character.isLetter(before)
                    && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
            if (capitalAfterSmall || symbolInWord) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCyrillic(char c) {
        return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
    }
}
