package org.supportintake.core.validation;

/**
 * Text in which a reader sees nothing: only spaces of any kind (the no-break, narrow and ideographic spaces too),
 * format characters (zero-width spaces and joiners, soft hyphens, tag characters) and the letters Unicode draws as
 * nothing (the Hangul fillers, the blank Braille pattern). A required field holding only these is missing, as an
 * empty one is, and a missing field is not also too short or malformed.
 */
public final class Blank {

    private Blank() {
    }

    public static boolean is(String text) {
        return text == null || text.codePoints().allMatch(Blank::drawsNothing);
    }

    private static boolean drawsNothing(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
    }
}
