package org.supportintake.core.validation;

/** Characters a citizen cannot mean to type: C0 and C1 controls, DEL, and the bidi controls. */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** True when the text holds one; tab and line breaks count only when the field is one line. */
    public static boolean anyIn(String text, boolean multiLine) {
        return text.codePoints().anyMatch(c -> isControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t')));
    }

    private static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
