package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Base64 (RFC 2045 §6.8) decoded as far as it goes. Characters outside the alphabet are skipped, as
 * the RFC says; a broken end (a lone character, padding too early, text after the padding) costs
 * only the broken bytes and is reported through {@code damaged}, never thrown. Not thread-safe.
 */
final class Base64Input extends InputStream {

    private final InputStream in;
    private final Runnable damaged;
    private final byte[] decoded = new byte[3];
    private int next;
    private int available;
    private boolean ended;

    Base64Input(InputStream in, Runnable damaged) {
        this.in = in;
        this.damaged = damaged;
    }

    @Override
    public int read() throws IOException {
        if (next == available && !fill()) {
            return -1;
        }
        return decoded[next++] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int count = 0;
        while (count < length) {
            int b = read();
            if (b < 0) {
                return count == 0 ? -1 : count;
            }
            bytes[offset + count++] = (byte) b;
        }
        return count;
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int bits = 0;
        int sextets = 0;
        while (sextets < 4) {
            int c = in.read();
            if (c < 0 || c == '=') {
                ended = true;
                if (c == '=' && sextets < 2 || c < 0 && sextets == 1 || c == '=' && hasTextAfterPadding()) {
                    damaged.run();
                }
                return emit(bits, sextets);
            }
            int value = sextet(c);
            if (value >= 0) {
                bits = bits << 6 | value;
                sextets++;
            }
        }
        return emit(bits, sextets);
    }

    /** Writes the whole bytes held by {@code sextets} six-bit groups; a lone group holds none. */
    private boolean emit(int bits, int sextets) {
        int bytes = sextets * 6 / 8;
        bits = bits >> (sextets * 6 - bytes * 8);
        for (int i = bytes - 1; i >= 0; i--) {
            decoded[i] = (byte) bits;
            bits >>= 8;
        }
        next = 0;
        available = bytes;
        return bytes > 0;
    }

    private boolean hasTextAfterPadding() throws IOException {
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c != '=' && sextet(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int sextet(int c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
