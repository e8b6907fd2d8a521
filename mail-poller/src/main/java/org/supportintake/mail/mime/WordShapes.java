package org.supportintake.mail.mime;

/**
 * How 8-bit bytes sit in words: Russian words are made of 8-bit letters only, while Latin-1 (and
 * the trail bytes of some double-byte charsets) put single 8-bit bytes between ASCII letters.
 */
final class WordShapes {

    private WordShapes() {
    }

    /** True when more words mix ASCII letters with 8-bit bytes than consist of 8-bit bytes alone. */
    static boolean mixesScripts(byte[] bytes) {
        int mixed = 0;
        int pure = 0;
        boolean ascii = false;
        boolean high = false;
        for (int i = 0; i <= bytes.length; i++) {
            int b = i < bytes.length ? bytes[i] & 0xFF : ' ';
            if (b >= 0x80) {
                high = true;
            } else if (Character.isLetter(b)) {
                ascii = true;
            } else {
                mixed += ascii && high ? 1 : 0;
                pure += high && !ascii ? 1 : 0;
                ascii = false;
                high = false;
            }
        }
        return mixed > pure;
    }
}
