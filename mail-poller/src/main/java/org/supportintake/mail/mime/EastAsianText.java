package org.supportintake.mail.mime;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * Short 8-bit strings (a subject, a file name) in a double-byte charset, too short for the
 * detector's statistics: the detector is asked about the text said a few times over, and a reading
 * is taken only when it is wholly ideographs, kana, hangul and ASCII. Kanji-only Japanese reads as
 * Chinese when the detector cannot tell: such short strings are ambiguous.
 */
final class EastAsianText {

    private static final List<Charset> DOUBLE_BYTE = List.of(Charset.forName("GB18030"), Charset.forName("Big5"),
            Charset.forName("Shift_JIS"), Charset.forName("EUC-KR"));
    private static final int REPEATS = 8;

    private EastAsianText() {
    }

    /** The reading the detector names; with {@code mayTryEach}, else the first charset that reads wholly. */
    static Optional<String> reading(byte[] bytes, boolean mayTryEach) {
        Optional<Charset> detected = detectRepeated(bytes).filter(DOUBLE_BYTE::contains);
        for (Charset charset : detected.map(List::of).orElse(mayTryEach ? DOUBLE_BYTE : List.of())) {
            if (TextDecoding.fits(bytes, charset) && wholly(new String(bytes, charset))) {
                return Optional.of(new String(bytes, charset));
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> detectRepeated(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        for (int i = 0; i < REPEATS && !detector.isDone(); i++) {
            detector.handleData(bytes, 0, bytes.length);
            detector.handleData(new byte[] {' '}, 0, 1);
        }
        detector.dataEnd();
        return Optional.ofNullable(detector.getDetectedCharset()).flatMap(CyrillicText::charsetFor);
    }

    private static boolean wholly(String text) {
        return text.codePoints().allMatch(c -> c < 0x80 || isEastAsian(Character.UnicodeScript.of(c))
                || Character.getType(c) == Character.OTHER_PUNCTUATION || c >= 0x3000 && c <= 0x303F || c >= 0xFF00 && c <= 0xFFEF);
    }

    private static boolean isEastAsian(Character.UnicodeScript script) {
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
