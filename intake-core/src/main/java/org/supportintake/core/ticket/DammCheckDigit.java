package org.supportintake.core.ticket;

/**
 * The Damm check digit: catches every single-digit error and every transposition of two
 * adjacent digits (H. Michael Damm, 2004; the totally anti-symmetric quasigroup of order 10).
 */
final class DammCheckDigit {

    private static final int[][] TABLE = {
        {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
        {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
        {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
        {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
        {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
        {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
        {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
        {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
        {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
        {2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
    };

    private DammCheckDigit() {
    }

    /** The digit that, appended to {@code digits}, makes the whole string check. */
    static int of(CharSequence digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = TABLE[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }

    /** Whether {@code digitsWithCheck} ends in its own check digit. */
    static boolean isValid(CharSequence digitsWithCheck) {
        return digitsWithCheck.length() > 1 && of(digitsWithCheck) == 0;
    }
}
