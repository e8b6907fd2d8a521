package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a byte stream with their offsets, read in blocks; only the first {@code keep} bytes
 * of each line are held (in a buffer that grows to that size only when a line needs it), so a line of any length
 * costs no more memory than that. Lines end with LF or CRLF. Not thread-safe.
 */
final class ByteLines implements java.io.Closeable {

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private final int keep;
    private byte[] kept;
    private int position;
    private int filled;
    private long offset;
    private long start;
    private long length;
    private int terminator;

    ByteLines(InputStream in, int keep) {
        this.in = in;
        this.keep = keep;
        this.kept = new byte[Math.min(keep, 1024)];
    }

    /** Reads the next line; false at the end of the stream. Scans the buffer for LF and copies the kept part at once. */
    boolean next() throws IOException {
        start = offset;
        length = 0;
        terminator = 0;
        boolean lastWasCr = false;
        boolean any = false;
        while (position < filled || fill()) {
            any = true;
            int from = position;
            int end = from;
            while (end < filled && buffer[end] != '\n') {
                end++;
            }
            int run = end - from;
            if (length < keep) {
                int wanted = (int) Math.min(length + run, keep);
                if (wanted > kept.length) {
                    kept = Arrays.copyOf(kept, Math.max(wanted, Math.min(keep, kept.length * 2)));
                }
                System.arraycopy(buffer, from, kept, (int) length, wanted - (int) length);
            }
            length += run;
            if (run > 0) {
                lastWasCr = buffer[end - 1] == '\r';
            }
            if (end < filled) {
                position = end + 1;
                offset += run + 1;
                terminator = 1;
                if (lastWasCr) {
                    length--;
                    terminator = 2;
                }
                return true;
            }
            position = end;
            offset += run;
        }
        return any;
    }

    /** True when the line's first kept bytes are {@code prefix}, one char a byte; no string is made. */
    boolean startsWith(String prefix) {
        if (Math.min(length, keep) < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if ((kept[i] & 0xFF) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        filled = Math.max(0, in.read(buffer));
        position = 0;
        return filled > 0;
    }

    long start() {
        return start;
    }

    /** Bytes of the line without its terminator. */
    long length() {
        return length;
    }

    int terminator() {
        return terminator;
    }

    /** The offset just past the line and its terminator. */
    long end() {
        return start + length + terminator;
    }

    /** The kept bytes of the line (all of it when it is not longer than {@code keep}), one char a byte. */
    String text() {
        return new String(kept, 0, (int) Math.min(length, keep), StandardCharsets.ISO_8859_1);
    }

    boolean isWhole() {
        return length <= keep;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
