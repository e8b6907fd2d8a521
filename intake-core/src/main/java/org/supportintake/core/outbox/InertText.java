package org.supportintake.core.outbox;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a citizen chose (a file name, a subject), made inert for an outgoing mail: nothing in it can
 * be taken for a link or an address by a mail client's autolinker. The way security advisories
 * "defang" indicators: {@code https[:]//evil[.]example}, {@code www[.]evil[.]ru},
 * {@code help[@]evil[.]ru}. The citizen still reads what they sent, but no client links it and a
 * copy into the address bar goes nowhere. A file's own extension keeps its dot when it is a file
 * type and no top-level domain ({@code скан.pdf}); {@code .zip}, {@code .mov} and {@code .app} are
 * domains, so {@code документы[.]zip}. Thread-safe.
 */
public final class InertText {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");
    /** A dot, or one IDNA reads as a dot (UTS 46: U+3002, U+FF0E, U+FF61), between a label and a letter. */
    private static final Pattern LABEL_DOT = Pattern.compile("(?<=[\\p{L}\\p{N}_-])[.\\u3002\\uFF0E\\uFF61](?=\\p{L})");
    /** The colon after a scheme ({@code https:}, {@code mailto:}, {@code javascript:}). */
    private static final Pattern SCHEME_COLON = Pattern.compile("(?<=[A-Za-z])[:\\uFF1A](?=\\S)");
    private static final Pattern AT = Pattern.compile("[@\\uFF20]");
    private static final Pattern BROKEN_EXTENSION = Pattern.compile("\\[\\.\\]([\\p{L}\\p{N}]+)$");
    /** File types whose extension is no top-level domain (checked against the Public Suffix List in the tests). */
    static final Set<String> PLAIN_EXTENSIONS = Set.of("pdf", "jpg", "jpeg", "jpe", "png", "docx", "doc", "docm", "txt",
            "rtf", "xls", "xlsx", "odt", "gif", "tif", "tiff", "heic", "bmp", "webp", "exe", "eml", "msg", "bin", "dat",
            "rar", "7z", "csv", "htm", "html");

    private InertText() {
    }

    /** A one-line text: control characters become spaces, invisible format characters go, links are broken. */
    public static String line(String text) {
        String clean = INVISIBLE.matcher(CONTROL.matcher(text).replaceAll(" ")).replaceAll("");
        clean = AT.matcher(clean).replaceAll("[@]");
        clean = SCHEME_COLON.matcher(clean).replaceAll("[:]");
        return LABEL_DOT.matcher(clean).replaceAll("[.]");
    }

    /** A file name as {@link #line(String)}, its extension's dot kept when the extension is a file type only. */
    public static String fileName(String name) {
        String clean = line(name);
        Matcher extension = BROKEN_EXTENSION.matcher(clean);
        if (extension.find() && PLAIN_EXTENSIONS.contains(extension.group(1).toLowerCase(Locale.ROOT))) {
            return clean.substring(0, extension.start()) + "." + extension.group(1);
        }
        return clean;
    }
}
