package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a byte stream with their offsets, read in blocks; only the first {@code keep} bytes
 * of each line are held, so a line of any length costs no memory. Lines end with LF or CRLF. Not
 * thread-safe.
 */
final class ByteLines implements java.io.Closeable {

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private final byte[] kept;
    private int position;
    private int filled;
    private long offset;
    private long start;
    private long length;
    private int terminator;

    ByteLines(InputStream in, int keep) {
        this.in = in;
        this.kept = new byte[keep];
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
            if (length < kept.length) {
                System.arraycopy(buffer, from, kept, (int) length, (int) Math.min(run, kept.length - length));
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
        if (Math.min(length, kept.length) < prefix.length()) {
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
        return new String(kept, 0, (int) Math.min(length, kept.length), StandardCharsets.ISO_8859_1);
    }

    boolean isWhole() {
        return length <= kept.length;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
