package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Base64 (RFC 2045 §6.8) decoded as far as it goes. Characters outside the alphabet are skipped, as
 * the RFC says; a broken end (a lone character, padding too early, text after the padding) costs
 * only the broken bytes and is reported through {@code damaged}, never thrown. Decodes a block of
 * the encoded text per call, a quartet split between blocks carried over. Not thread-safe.
 */
final class Base64Input extends InputStream {

    private static final int BLOCK = 8 * 1024;
    private static final byte[] SEXTETS = sextets();

    private final InputStream in;
    private final Runnable damaged;
    private final byte[] encoded = new byte[BLOCK];
    /** A block's whole quartets, plus the two bytes at most of a short last group. */
    private final byte[] decoded = new byte[BLOCK / 4 * 3 + 3];
    private int next;
    private int available;
    private int bits;
    private int sextets;
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
        if (length == 0) {
            return 0;
        }
        int count = 0;
        while (count < length && (next < available || fill())) {
            int n = Math.min(length - count, available - next);
            System.arraycopy(decoded, next, bytes, offset + count, n);
            next += n;
            count += n;
        }
        return count == 0 ? -1 : count;
    }

    /** Decodes blocks until one gives bytes or the text ends; false at the end. */
    private boolean fill() throws IOException {
        next = 0;
        available = 0;
        while (available == 0 && !ended) {
            int n = in.read(encoded);
            if (n < 0) {
                ended = true;
                if (sextets == 1) {
                    damaged.run();
                }
                emitRest();
            } else {
                decode(n);
            }
        }
        return available > 0;
    }

    private void decode(int length) throws IOException {
        int b = bits;
        int s = sextets;
        int out = 0;
        for (int i = 0; i < length; i++) {
            int c = encoded[i];
            if (c == '=') {
                bits = b;
                sextets = s;
                available = out;
                ended = true;
                if (s < 2 || hasTextAfterPadding(i + 1, length)) {
                    damaged.run();
                }
                emitRest();
                return;
            }
            int value = SEXTETS[c & 0xFF];
            if (value >= 0) {
                b = b << 6 | value;
                if (++s == 4) {
                    decoded[out] = (byte) (b >> 16);
                    decoded[out + 1] = (byte) (b >> 8);
                    decoded[out + 2] = (byte) b;
                    out += 3;
                    b = 0;
                    s = 0;
                }
            }
        }
        bits = b;
        sextets = s;
        available = out;
    }

    /** Writes the whole bytes held by the last, short group of six-bit values; a lone value holds none. */
    private void emitRest() {
        int bytes = sextets * 6 / 8;
        int rest = bits >> (sextets * 6 - bytes * 8);
        for (int i = bytes - 1; i >= 0; i--) {
            decoded[available + i] = (byte) rest;
            rest >>= 8;
        }
        available += bytes;
        bits = 0;
        sextets = 0;
    }

    /** True when a letter of the alphabet follows the padding, in the rest of this block or later. */
    private boolean hasTextAfterPadding(int from, int length) throws IOException {
        for (int i = from; i < length; i++) {
            if (encoded[i] != '=' && SEXTETS[encoded[i] & 0xFF] >= 0) {
                return true;
            }
        }
        byte[] rest = new byte[BLOCK];
        for (int n = in.read(rest); n >= 0; n = in.read(rest)) {
            for (int i = 0; i < n; i++) {
                if (rest[i] != '=' && SEXTETS[rest[i] & 0xFF] >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] sextets() {
        byte[] values = new byte[256];
        Arrays.fill(values, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            values[alphabet.charAt(i)] = (byte) i;
        }
        return values;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
