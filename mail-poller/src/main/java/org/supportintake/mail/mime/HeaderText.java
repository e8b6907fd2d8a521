package org.supportintake.mail.mime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header values as people wrote them: RFC 2047 encoded-words in any charset (misspelt labels
 * tolerated, adjacent words joined per §6.2), and raw 8-bit bytes that a client sent unencoded.
 */
public final class HeaderText {

    // The text may hold spaces: some mailers put them into "Q" words unencoded (RFC 2047 §5 forbids it).
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*?)\\?=");
    private static final Pattern BARE_BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4}){2,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");

    private HeaderText() {
    }

    /** Decodes a raw header value (as Jakarta Mail returns it: 8-bit bytes as ISO-8859-1 chars). */
    public static String decode(String raw) {
        String value = unfold(raw);
        if (!isAscii(value)) {
            value = TextDecoding.guess(value.getBytes(StandardCharsets.ISO_8859_1));
        } else if (BARE_BASE64.matcher(value.strip()).matches()) {
            value = bareBase64(value.strip()).orElse(value);
        }
        value = BETWEEN_WORDS.matcher(value).replaceAll("$1$2");
        Matcher m = ENCODED_WORD.matcher(value);
        StringBuilder decoded = new StringBuilder();
        java.io.ByteArrayOutputStream run = new java.io.ByteArrayOutputStream();
        String runCharset = "";
        int last = 0;
        while (m.find()) {
            String charset = m.group(1).replaceAll("\\*.*$", ""); // RFC 2231 §5 language suffix
            // Adjacent words in one charset are one byte run: mailers split multi-byte characters across words.
            if (m.start() != last || !charset.equalsIgnoreCase(runCharset)) {
                flush(decoded, run, runCharset);
                decoded.append(value, last, m.start());
                runCharset = charset;
            }
            run.writeBytes("bB".contains(m.group(2)) ? base64(m.group(3)) : quotedPrintable(m.group(3)));
            last = m.end();
        }
        flush(decoded, run, runCharset);
        return decoded.append(value.substring(last)).toString().strip();
    }

    private static void flush(StringBuilder decoded, java.io.ByteArrayOutputStream run, String charset) {
        if (run.size() > 0) {
            decoded.append(TextDecoding.decode(run.toByteArray(), charset));
            run.reset();
        }
    }

    /**
     * A whole value sent as base64 without the encoded-word frame, as some mobile clients do: taken
     * only when it decodes to UTF-8 text with letters beyond ASCII, so that ordinary words stay words.
     */
    private static java.util.Optional<String> bareBase64(String value) {
        byte[] bytes = base64(value);
        if (!TextDecoding.fits(bytes, StandardCharsets.UTF_8)) {
            return java.util.Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean letters = text.codePoints().anyMatch(c -> c >= 0x80 && Character.isLetter(c));
        boolean controls = text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\t');
        return letters && !controls ? java.util.Optional.of(text) : java.util.Optional.empty();
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The "Q" encoding of RFC 2047 §4.2: like quoted-printable, with '_' for space. */
    private static byte[] quotedPrintable(String text) {
        var out = new java.io.ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && isHex(text, i + 1)) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(String text, int at) {
        return at + 1 < text.length() && Character.digit(text.charAt(at), 16) >= 0
                && Character.digit(text.charAt(at + 1), 16) >= 0;
    }

    private static String unfold(String raw) {
        return raw == null ? "" : raw.replaceAll("\\r?\\n[ \\t]+", " ");
    }

    private static boolean isAscii(String value) {
        return value.chars().allMatch(c -> c < 0x80);
    }
}
