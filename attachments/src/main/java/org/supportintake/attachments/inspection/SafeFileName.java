package org.supportintake.attachments.inspection;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names as people send them, made safe to show and to offer for download, and the names
 * that try to deceive: bidi overrides that reverse {@code exe.pdf}, control characters, and a
 * harmless extension in front of an executable one ({@code scan.pdf.exe}).
 */
public final class SafeFileName {

    static final int MAX_CODE_POINTS = 120;
    private static final String FALLBACK = "file";
    /** Bidi embeddings, overrides and isolates, marks (Unicode TR 9) and the Arabic letter mark. */
    private static final Pattern BIDI = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]");
    private static final Pattern CONTROL_OR_FORMAT = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    /** A harmless extension in front of the last one, which {@link RunnableExtensions} judges. */
    private static final Pattern DOUBLE_EXTENSION = Pattern.compile("\\.(pdf|jpe?g|png|gif|docx?|xlsx?|txt|rtf|zip)\\.([^.]+)$");
    /** What Windows drops from the end of a name when it saves a file. */
    private static final Pattern TRAILING_DOTS_AND_SPACES = Pattern.compile("[.\\s]+$");

    private SafeFileName() {
    }

    /** The name to display and store: no path, no control or bidi characters, NFC, at most 120 characters. */
    public static String of(String raw) {
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = CONTROL_OR_FORMAT.matcher(Normalizer.normalize(name, Normalizer.Form.NFC)).replaceAll("");
        name = name.strip().replaceAll("^[.\\s]+|[.\\s]+$", "");
        name = shorten(name);
        return name.isEmpty() ? FALLBACK : name;
    }

    /** Whether the name, as sent, tries to pass for something else. */
    public static boolean isSpoofed(String raw) {
        if (BIDI.matcher(raw).find() || raw.chars().anyMatch(Character::isISOControl)) {
            return true;
        }
        String lower = Normalizer.normalize(raw, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
        Matcher doubled = DOUBLE_EXTENSION.matcher(TRAILING_DOTS_AND_SPACES.matcher(lower).replaceAll(""));
        return doubled.find() && RunnableExtensions.isRunnable(doubled.group(2));
    }

    /**
     * Whether a safe name ends in an extension that runs or shows active content when opened
     * ({@code run.hta}, {@code invoice.html}, {@code scan.svg}): saved under it, the file would run
     * whatever its bytes look like to us.
     */
    public static boolean isRunnable(String safeName) {
        return RunnableExtensions.isRunnable(extension(safeName));
    }

    /** The extension of a safe name, lower case, without the dot; empty when there is none. */
    public static String extension(String safeName) {
        int dot = safeName.lastIndexOf('.');
        return dot <= 0 ? "" : safeName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Cuts the stem, never the extension, on a code point boundary. */
    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_CODE_POINTS) {
            return name;
        }
        String extension = extension(name);
        String suffix = extension.isEmpty() || extension.length() > 10 ? "" : "." + extension;
        String stem = name.substring(0, name.length() - suffix.length());
        int keep = MAX_CODE_POINTS - suffix.length();
        return stem.substring(0, stem.offsetByCodePoints(0, keep)) + suffix;
    }
}
