package org.supportintake.attachments.inspection;

/**
 * A byte sequence found in a stream fed in chunks of any size (Knuth–Morris–Pratt), so a scan
 * reads a file once through a small buffer and never misses a match split across two reads.
 * Immutable; {@link #matcher()} gives the per-scan state.
 */
final class BytePattern {

    private final byte[] pattern;
    private final int[] fallback;

    BytePattern(byte[] pattern) {
        this.pattern = pattern.clone();
        this.fallback = new int[pattern.length];
        for (int i = 1, k = 0; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = fallback[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            fallback[i] = k;
        }
    }

    Matcher matcher() {
        return new Matcher();
    }

    /** Where one scan stands; not thread-safe. */
    final class Matcher {
        private int matched;
        private long lastEnd = -1;

        /** Feeds {@code length} bytes that start at stream offset {@code position}. */
        void feed(byte[] bytes, int length, long position) {
            for (int i = 0; i < length; i++) {
                while (matched > 0 && bytes[i] != pattern[matched]) {
                    matched = fallback[matched - 1];
                }
                if (bytes[i] == pattern[matched]) {
                    matched++;
                }
                if (matched == pattern.length) {
                    lastEnd = position + i + 1;
                    matched = fallback[matched - 1];
                }
            }
        }

        /** The stream offset just past the last match so far; -1 when there was none. */
        long lastEnd() {
            return lastEnd;
        }

        /** Whether the pattern was seen at all. */
        boolean found() {
            return lastEnd >= 0;
        }
    }
}
