package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Quoted-printable (RFC 2045 §6.7) decoded leniently: soft line breaks joined, {@code =XX} in either
 * case decoded, and an {@code =} that starts no valid escape kept as it is (rule 1's "robust" reading).
 * The encoded text is read a block at a time; runs without {@code =} are copied as they are. Not thread-safe.
 */
final class QuotedPrintableInput extends InputStream {

    private static final int BLOCK = 8 * 1024;

    private final InputStream in;
    private final byte[] block = new byte[BLOCK];
    private int position;
    private int filled;
    /** Bytes looked at past an {@code =} and given back, the last given back read first. */
    private final int[] pushedBack = new int[3];
    private int pushed;

    QuotedPrintableInput(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        while (true) {
            int c = next();
            if (c != '=') {
                return c;
            }
            int first = next();
            if (first == '\n') {
                continue; // soft line break
            }
            if (first == '\r') {
                int second = next();
                if (second != '\n' && second >= 0) {
                    unread(second);
                }
                continue;
            }
            if (first == ' ' || first == '\t') {
                if (softBreakAfterSpaces()) {
                    continue;
                }
                unread(first);
                return '=';
            }
            int second = next();
            if (Character.digit(first, 16) >= 0 && Character.digit(second, 16) >= 0) {
                return Character.digit(first, 16) << 4 | Character.digit(second, 16);
            }
            if (second >= 0) {
                unread(second);
            }
            if (first >= 0) {
                unread(first);
            }
            return '=';
        }
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int count = 0;
        while (count < length) {
            if (pushed == 0 && (position < filled || fill())) {
                int start = position;
                int end = Math.min(filled, position + length - count);
                while (position < end && block[position] != '=') {
                    position++;
                }
                System.arraycopy(block, start, bytes, offset + count, position - start);
                count += position - start;
                if (position == end) {
                    continue; // the run went to the end of the block or filled the request
                }
            }
            int b = read();
            if (b < 0) {
                break;
            }
            bytes[offset + count++] = (byte) b;
        }
        return count == 0 ? -1 : count;
    }

    /** "=" followed by trailing spaces and a line break is a soft break padded by a careless mailer. */
    private boolean softBreakAfterSpaces() throws IOException {
        int c = next();
        while (c == ' ' || c == '\t') {
            c = next();
        }
        if (c == '\r') {
            int following = next();
            if (following != '\n' && following >= 0) {
                unread(following);
            }
            return true;
        }
        if (c == '\n') {
            return true;
        }
        if (c >= 0) {
            unread(c);
        }
        return false;
    }

    private int next() throws IOException {
        if (pushed > 0) {
            return pushedBack[--pushed];
        }
        if (position == filled && !fill()) {
            return -1;
        }
        return block[position++] & 0xFF;
    }

    private void unread(int b) {
        pushedBack[pushed++] = b;
    }

    private boolean fill() throws IOException {
        position = 0;
        filled = Math.max(0, in.read(block));
        return filled > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
