package org.supportintake.core.validation;

/**
 * Characters a citizen cannot mean to type. Anywhere: C0 and C1 controls, DEL, and every bidi control (Unicode's
 * Bidi_Control: the marks U+061C, U+200E, U+200F, the embeddings and overrides U+202A–U+202E, the isolates
 * U+2066–U+2069), which reorder what a reader sees. In a one-line field also the line breaks, the Unicode line and
 * paragraph separators (U+2028, U+2029) among them, and the zero-width characters (U+200B–U+200D, U+2060–U+2064,
 * U+180E, U+FEFF), which the form's message promises to refuse as invisible; a zero-width joiner between two symbols
 * is part of an emoji sequence (👨‍💻) and stays. The soft hyphen is left alone: word processors put it in pasted text.
 */
public final class ControlCharacters {

    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int EMOJI_PRESENTATION = 0xFE0F;

    private ControlCharacters() {
    }

    /** True when the text holds one; tab and line breaks count only when the field is one line. */
    public static boolean anyIn(String text, boolean multiLine) {
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            boolean refused = multiLine ? isControl(c) && c != '\n' && c != '\r' && c != '\t'
                    : isControl(c) || c == 0x2028 || c == 0x2029 || isZeroWidth(c) && !joinsEmoji(codePoints, i);
            if (refused) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL || isBidiControl(c);
    }

    private static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static boolean isZeroWidth(int c) {
        return (c >= 0x200B && c <= 0x200D) || (c >= 0x2060 && c <= 0x2064) || c == 0x180E || c == 0xFEFF;
    }

    /** A joiner after a symbol (or its emoji variation selector, or a skin tone) and before another symbol. */
    private static boolean joinsEmoji(int[] codePoints, int at) {
        if (codePoints[at] != ZERO_WIDTH_JOINER || at == 0 || at == codePoints.length - 1) {
            return false;
        }
        int before = codePoints[at - 1];
        int beforeType = Character.getType(before);
        return (beforeType == Character.OTHER_SYMBOL || beforeType == Character.MODIFIER_SYMBOL
                || before == EMOJI_PRESENTATION) && Character.getType(codePoints[at + 1]) == Character.OTHER_SYMBOL;
    }
}
