package org.supportintake.core.validation;

/**
 * Characters a citizen cannot mean to type. Anywhere: C0 and C1 controls, DEL, every bidi control (Unicode's
 * Bidi_Control: the marks U+061C, U+200E, U+200F, the embeddings and overrides U+202A–U+202E, the isolates
 * U+2066–U+2069), which reorder what a reader sees, and the tag characters (U+E0000–U+E007F), which hide whole
 * words from a reader; only a flag's tag sequence (🏴 and a subdivision code, as in 🏴󠁧󠁢󠁳󠁣󠁴󠁿) is a picture and stays.
 * In a one-line field also the line breaks, the Unicode line and paragraph separators (U+2028, U+2029) among them,
 * and the zero-width characters (U+200B–U+200D, U+2060–U+2064, U+180E, U+FEFF), which the form's message promises
 * to refuse as invisible; a zero-width joiner between two symbols is part of an emoji sequence (👨‍💻) and stays. The
 * soft hyphen is left alone: word processors put it in pasted text. The form refuses a field holding any of them;
 * email, where nobody is there to fix it, has them removed ({@link #removedFrom}).
 */
public final class ControlCharacters {

    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int EMOJI_PRESENTATION = 0xFE0F;
    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int CANCEL_TAG = 0xE007F;

    private ControlCharacters() {
    }

    /** True when the text holds one; tab and line breaks count only when the field is one line. */
    public static boolean anyIn(String text, boolean multiLine) {
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (refused(codePoints, i, multiLine)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text without them: what {@link #anyIn} finds is removed, except that in one line a line break or a tab
     * becomes a space. The same text when there is none.
     */
    public static String removedFrom(String text, boolean multiLine) {
        int[] codePoints = text.codePoints().toArray();
        StringBuilder kept = new StringBuilder(text.length());
        boolean changed = false;
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (!refused(codePoints, i, multiLine)) {
                kept.appendCodePoint(c);
                continue;
            }
            changed = true;
            if (!multiLine && isBreak(c)) {
                kept.append(' ');
            }
        }
        return changed ? kept.toString() : text;
    }

    private static boolean refused(int[] codePoints, int at, boolean multiLine) {
        int c = codePoints[at];
        if (isTag(c)) {
            return !inFlagSequence(codePoints, at);
        }
        return multiLine ? isControl(c) && c != '\n' && c != '\r' && c != '\t'
                : isControl(c) || c == 0x2028 || c == 0x2029 || isZeroWidth(c) && !joinsEmoji(codePoints, at);
    }

    private static boolean isBreak(int c) {
        return c == '\n' || c == '\r' || c == '\t' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
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

    private static boolean isTag(int c) {
        return c >= 0xE0000 && c <= CANCEL_TAG;
    }

    /**
     * Unicode TS #51's emoji tag sequence as flags use it: 🏴, a subdivision code of 3 to 7 tag letters and digits
     * (gbsct), the cancel tag. A longer run or one with spaces would spell hidden words, so it is no flag.
     */
    private static boolean inFlagSequence(int[] codePoints, int at) {
        int start = at;
        while (start > 0 && isTag(codePoints[start - 1])) {
            start--;
        }
        int end = at;
        while (end < codePoints.length - 1 && isTag(codePoints[end + 1])) {
            end++;
        }
        int code = end - start;
        if (start == 0 || codePoints[start - 1] != BLACK_FLAG || codePoints[end] != CANCEL_TAG || code < 3 || code > 7) {
            return false;
        }
        for (int i = start; i < end; i++) {
            int letter = codePoints[i] - 0xE0000;
            if (!(letter >= '0' && letter <= '9' || letter >= 'a' && letter <= 'z')) {
                return false;
            }
        }
        return true;
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
