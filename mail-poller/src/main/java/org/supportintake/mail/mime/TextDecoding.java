package org.supportintake.mail.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * Bytes to text for bodies, headers and file names when the declared charset is missing, misspelt
 * or wrong. Valid UTF-8 wins; then a Russian reading where the bytes look like Russian; otherwise
 * what Mozilla's detector (juniversalchardet) finds, so GBK, Big5, Shift_JIS and Latin-1 are not
 * forced into Cyrillic. Thread-safe.
 */
final class TextDecoding {

    private static final double RUSSIAN = 0.8;
    private static final double RUSSIAN_BY_DETECTOR = 0.7;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Set<String> CYRILLIC = Set.of("windows-1251", "koi8-r", "ibm866", "ibm855", "x-maccyrillic", "iso-8859-5");

    private TextDecoding() {
    }

    /** Decodes with the declared charset when the bytes fit it, else guesses. */
    static String decode(byte[] bytes, String declaredCharset) {
        if (Utf7.names(declaredCharset)) {
            return Utf7.decode(bytes);
        }
        Optional<Charset> declared = CyrillicText.charsetFor(declaredCharset);
        if (declared.isPresent() && !declared.get().equals(StandardCharsets.US_ASCII) && fits(bytes, declared.get())) {
            String text = new String(bytes, declared.get());
            return isCyrillic(declared.get()) ? mislabelledCyrillic(bytes, text).orElse(text) : text;
        }
        return guess(bytes);
    }

    /**
     * Russian declared in one legacy charset and written in another (koi8-r on windows-1251 bytes, the classic
     * «гДПЮБЯРБСИРЕ»): every byte fits every one of them, so only the reading tells. Taken only when the declared
     * reading shows a misreading's marks (a capital after a small letter inside a word, a symbol between letters)
     * and another reads as Russian: text in capitals («СРОЧНО») reads as small letters in the other charset, so
     * capitals alone never count against the declared charset.
     */
    private static Optional<String> mislabelledCyrillic(byte[] bytes, String declaredReading) {
        if (!CyrillicText.looksMisread(declaredReading)) {
            return Optional.empty();
        }
        String other = CyrillicText.bestReading(bytes);
        double score = CyrillicText.russianScore(other);
        boolean better = score >= RUSSIAN && score > CyrillicText.russianScore(declaredReading);
        return better && !CyrillicText.looksMisread(other) ? Optional.of(other) : Optional.empty();
    }

    private static boolean isCyrillic(Charset charset) {
        return CYRILLIC.contains(charset.name().toLowerCase(Locale.ROOT));
    }

    static String guess(byte[] bytes) {
        if (fits(bytes, StandardCharsets.UTF_8)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        int cut = utf8CutShort(bytes);
        if (cut > 0) {
            return new String(bytes, 0, bytes.length - cut, StandardCharsets.UTF_8);
        }
        String russian = CyrillicText.bestReading(bytes);
        double score = CyrillicText.russianScore(russian);
        boolean latinWords = WordShapes.mixesScripts(bytes);
        Optional<Charset> detected = detect(bytes);
        boolean detectedCyrillic = detected.map(c -> CYRILLIC.contains(c.name().toLowerCase(Locale.ROOT))).orElse(false);
        if (!latinWords && (score >= RUSSIAN || detectedCyrillic && score >= RUSSIAN_BY_DETECTOR)) {
            return russian;
        }
        if (detected.isPresent() && !detectedCyrillic && fits(bytes, detected.get())) {
            return new String(bytes, detected.get());
        }
        Optional<String> eastAsian = EastAsianText.reading(bytes, !latinWords);
        if (eastAsian.isPresent()) {
            return eastAsian.get();
        }
        return latinWords ? new String(bytes, WINDOWS_1252) : russian;
    }

    /**
     * How many bytes at the end start a UTF-8 character that was cut off (a header cut at a byte count, text cut at
     * the reading limit), when all before them is UTF-8 with letters beyond ASCII; 0 otherwise.
     */
    private static int utf8CutShort(byte[] bytes) {
        for (int cut = 1; cut <= 3 && cut < bytes.length; cut++) {
            int lead = bytes[bytes.length - cut] & 0xFF;
            if (lead >= 0xC2 && lead <= 0xF4) {
                int needs = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
                byte[] rest = Arrays.copyOf(bytes, bytes.length - cut);
                boolean beyondAscii = new String(rest, StandardCharsets.UTF_8).chars().anyMatch(c -> c >= 0x80);
                return needs > cut && beyondAscii && fits(rest, StandardCharsets.UTF_8) ? cut : 0;
            }
            if ((lead & 0xC0) != 0x80) {
                return 0; // not a continuation byte, and no lead before it: not a cut character
            }
        }
        return 0;
    }

    private static Optional<Charset> detect(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        return Optional.ofNullable(detector.getDetectedCharset()).flatMap(CyrillicText::charsetFor);
    }

    static boolean fits(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
