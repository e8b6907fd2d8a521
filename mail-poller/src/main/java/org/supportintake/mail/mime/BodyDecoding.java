package org.supportintake.mail.mime;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Undoes a body's transfer encoding (RFC 2045 §6, and the uuencode of old mailers) as a stream. */
final class BodyDecoding {

    /** The names RFC 2045 and old mailers write, read without a note in the problems. */
    private static final Set<String> DECLARED_NAMES = Set.of("7bit", "8bit", "binary", "base64", "quoted-printable",
            "7-bit", "8-bit", "none", "x-uuencode", "uuencode", "x-uue", "uue");

    /** Letters and digits of a declared value, to the encoding it means. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("", ""), Map.entry("7bit", "7bit"), Map.entry("7bits", "7bit"),
            Map.entry("8bit", "8bit"), Map.entry("8bits", "8bit"), Map.entry("8bitmime", "8bit"),
            Map.entry("binary", "binary"), Map.entry("none", "8bit"), Map.entry("plain", "8bit"),
            Map.entry("text", "8bit"), Map.entry("textplain", "8bit"), Map.entry("texthtml", "8bit"),
            Map.entry("ascii", "7bit"), Map.entry("usascii", "7bit"), Map.entry("utf8", "8bit"),
            Map.entry("base64", "base64"), Map.entry("quotedprintable", "quoted-printable"),
            Map.entry("quoted", "quoted-printable"), Map.entry("xuuencode", "x-uuencode"),
            Map.entry("uuencode", "x-uuencode"), Map.entry("xuue", "x-uuencode"), Map.entry("uue", "x-uuencode"));

    /** Set when a decoder met damage; what came before it was still decoded. */
    static final class Damage implements Runnable {
        private boolean seen;

        @Override
        public void run() {
            seen = true;
        }

        boolean seen() {
            return seen;
        }
    }

    private BodyDecoding() {
    }

    /** The decoded body; empty for an encoding nobody knows (RFC 2045 §6.4: the part cannot be read). */
    static Optional<InputStream> open(MimeEntity entity, Damage damage) {
        if (!knows(entity)) {
            return Optional.empty();
        }
        return Optional.of(switch (entity.transferEncoding()) {
            case "base64" -> new Base64Input(entity.rawBody(), damage);
            case "quoted-printable" -> new QuotedPrintableInput(entity.rawBody());
            case "x-uuencode" -> new UuDecodedInput(entity.rawBody(), damage);
            default -> entity.rawBody();
        });
    }

    static boolean knows(MimeEntity entity) {
        return switch (entity.transferEncoding()) {
            case "", "7bit", "8bit", "binary", "base64", "quoted-printable", "x-uuencode" -> true;
            default -> false;
        };
    }

    /**
     * The RFC 2045 name of a declared transfer encoding, read as mailers in the wild misspell it ({@code 8bits},
     * {@code quoted printable}, {@code plain}, even {@code text/html}); a value nobody could mean as one of them
     * stays as declared (lower case, without quotes, comments or parameters), and its part cannot be read.
     */
    static String canonical(String declared) {
        String value = withoutCommentsAndQuotes(declared);
        value = (value.contains(";") ? value.substring(0, value.indexOf(';')) : value).strip();
        String whole = ALIASES.get(value.replaceAll("[^a-z0-9]", ""));
        if (whole != null) {
            return whole;
        }
        String firstWord = value.split("\\s+", 2)[0];
        return ALIASES.getOrDefault(firstWord.replaceAll("[^a-z0-9]", ""), firstWord);
    }

    /** True when the declared value is not one of the names RFC 2045 and old mailers use, but was read as one. */
    static boolean misspelt(String declared, String canonical) {
        String name = withoutCommentsAndQuotes(declared).strip().split("[;\\s]", 2)[0];
        return !canonical.isEmpty() && !DECLARED_NAMES.contains(name) && ALIASES.containsValue(canonical);
    }

    private static String withoutCommentsAndQuotes(String declared) {
        return declared.replaceAll("\\([^)]*\\)|[\"']", " ").toLowerCase(Locale.ROOT);
    }
}
