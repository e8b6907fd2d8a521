package org.supportintake.mail.mime;

import java.nio.charset.StandardCharsets;

/** UTF-7 (RFC 2152), which Java does not ship but old mailers still use in encoded words and bodies. */
final class Utf7 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Utf7() {
    }

    static boolean names(String label) {
        String name = label.strip().replace("\"", "");
        return name.equalsIgnoreCase("utf-7") || name.equalsIgnoreCase("utf7") || name.equalsIgnoreCase("unicode-1-1-utf-7");
    }

    /** Direct characters as they are; {@code +…-} runs as modified base64 of UTF-16BE; {@code +-} is a plus. */
    static String decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c != '+') {
                out.append(c);
                continue;
            }
            int start = i;
            while (i < text.length() && ALPHABET.indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            if (i == start) {
                out.append('+');
            } else {
                out.append(utf16(text.substring(start, i)));
            }
            if (i < text.length() && text.charAt(i) == '-') {
                i++; // the dash only ends the run
            }
        }
        return out.toString();
    }

    private static String utf16(String run) {
        int bits = 0;
        int count = 0;
        java.io.ByteArrayOutputStream units = new java.io.ByteArrayOutputStream();
        for (char c : run.toCharArray()) {
            bits = bits << 6 | ALPHABET.indexOf(c);
            count += 6;
            if (count >= 8) {
                count -= 8;
                units.write(bits >> count & 0xFF);
            }
        }
        return new String(units.toByteArray(), StandardCharsets.UTF_16BE);
    }
}
