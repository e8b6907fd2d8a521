package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/** The transfer decoders as they were before block reading, one byte per call: the reference the block readers are held to. */
final class ByteByByteDecoders {

    private ByteByByteDecoders() {
    }

    static final class Base64 extends InputStream {

        private final InputStream in;
        private final Runnable damaged;
        private final byte[] decoded = new byte[3];
        private int next;
        private int available;
        private boolean ended;

        Base64(InputStream in, Runnable damaged) {
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

    static final class QuotedPrintable extends InputStream {

        private final PushbackInputStream in;

        QuotedPrintable(InputStream in) {
            this.in = new PushbackInputStream(in, 3);
        }

        @Override
        public int read() throws IOException {
            while (true) {
                int c = in.read();
                if (c != '=') {
                    return c;
                }
                int first = in.read();
                if (first == '\n') {
                    continue; // soft line break
                }
                if (first == '\r') {
                    int second = in.read();
                    if (second != '\n' && second >= 0) {
                        in.unread(second);
                    }
                    continue;
                }
                if (first == ' ' || first == '\t') {
                    if (softBreakAfterSpaces()) {
                        continue;
                    }
                    in.unread(first);
                    return '=';
                }
                int second = in.read();
                if (Character.digit(first, 16) >= 0 && Character.digit(second, 16) >= 0) {
                    return Character.digit(first, 16) << 4 | Character.digit(second, 16);
                }
                if (second >= 0) {
                    in.unread(second);
                }
                if (first >= 0) {
                    in.unread(first);
                }
                return '=';
            }
        }

        /** "=" followed by trailing spaces and a line break is a soft break padded by a careless mailer. */
        private boolean softBreakAfterSpaces() throws IOException {
            int c = in.read();
            while (c == ' ' || c == '\t') {
                c = in.read();
            }
            if (c == '\r') {
                int next = in.read();
                if (next != '\n' && next >= 0) {
                    in.unread(next);
                }
                return true;
            }
            if (c == '\n') {
                return true;
            }
            if (c >= 0) {
                in.unread(c);
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
