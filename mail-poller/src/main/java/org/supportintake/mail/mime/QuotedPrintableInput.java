package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Quoted-printable (RFC 2045 §6.7) decoded leniently: soft line breaks joined, {@code =XX} in either
 * case decoded, and an {@code =} that starts no valid escape kept as it is (rule 1's "robust" reading).
 */
final class QuotedPrintableInput extends InputStream {

    private final PushbackInputStream in;

    QuotedPrintableInput(InputStream in) {
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
