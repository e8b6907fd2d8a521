package org.supportintake.web.staff;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with the file's name (RFC 6266 §4.1): an ASCII {@code filename} for old
 * clients, and {@code filename*} in UTF-8, percent-encoded as RFC 8187 §3.2.1 allows.
 */
final class ContentDisposition {

    /** RFC 8187's attr-char besides letters and digits. */
    private static final String ATTR_CHAR = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    static String attachment(String name) {
        String clean = name.isBlank() ? "file" : name;
        return "attachment; filename=\"" + asciiFallback(clean) + "\"; filename*=UTF-8''" + encoded(clean);
    }

    /** Printable ASCII, with quote, backslash and anything else replaced by {@code _}. */
    private static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        return out.toString();
    }

    private static String encoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHAR.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
