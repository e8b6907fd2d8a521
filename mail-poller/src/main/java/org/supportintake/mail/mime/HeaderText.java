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

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");

    private HeaderText() {
    }

    /** Decodes a raw header value (as Jakarta Mail returns it: 8-bit bytes as ISO-8859-1 chars). */
    public static String decode(String raw) {
        String value = unfold(raw);
        if (!isAscii(value)) {
            value = CyrillicText.guess(value.getBytes(StandardCharsets.ISO_8859_1));
        }
        value = BETWEEN_WORDS.matcher(value).replaceAll("$1$2");
        Matcher m = ENCODED_WORD.matcher(value);
        StringBuilder decoded = new StringBuilder();
        int last = 0;
        while (m.find()) {
            decoded.append(value, last, m.start()).append(word(m.group(1), m.group(2), m.group(3)));
            last = m.end();
        }
        return decoded.append(value.substring(last)).toString().strip();
    }

    private static String word(String charsetLabel, String encoding, String text) {
        String charset = charsetLabel.contains("*") ? charsetLabel.substring(0, charsetLabel.indexOf('*')) : charsetLabel;
        byte[] bytes = "bB".contains(encoding) ? base64(text) : quotedPrintable(text);
        return CyrillicText.decode(bytes, charset);
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
