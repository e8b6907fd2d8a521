package org.supportintake.mail.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A uuencoded body ({@code Content-Transfer-Encoding: x-uuencode}): the lines between {@code begin
 * MODE NAME} and {@code end}, each led by its length character. The name on the begin line is kept
 * for a part that names no file. Damage (no begin line, short lines) is reported, not thrown.
 */
final class UuDecodedInput extends InputStream {

    private final ByteLines lines;
    private final Runnable damaged;
    private byte[] line = new byte[0];
    private int next;
    private boolean begun;
    private boolean ended;
    private String name = "";

    UuDecodedInput(InputStream in, Runnable damaged) {
        this.lines = new ByteLines(in, 1024);
        this.damaged = damaged;
    }

    /** Reads up to the begin line; the file name it gives, if any. */
    Optional<String> begin() throws IOException {
        while (!begun && !ended) {
            nextLine();
        }
        return Optional.of(name).filter(n -> !n.isBlank());
    }

    @Override
    public int read() throws IOException {
        while (next == line.length) {
            if (ended || !nextLine()) {
                return -1;
            }
        }
        return line[next++] & 0xFF;
    }

    private boolean nextLine() throws IOException {
        if (!lines.next()) {
            ended = true;
            if (!begun) {
                damaged.run();
            }
            return false;
        }
        String text = lines.text();
        if (!begun) {
            if (text.startsWith("begin ")) {
                begun = true;
                String[] fields = text.split(" ", 3);
                name = fields.length == 3 ? fields[2].strip() : "";
            }
            line = new byte[0];
        } else if (text.strip().equals("end")) {
            ended = true;
            line = new byte[0];
        } else {
            line = decode(text);
        }
        next = 0;
        return true;
    }

    private byte[] decode(String text) {
        if (text.isEmpty()) {
            return new byte[0];
        }
        int length = (text.charAt(0) - ' ') & 0x3F;
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        for (int i = 1; out.size() < length; i += 4) {
            if (i + 1 >= text.length()) { // fewer characters than the length character promises
                damaged.run();
                break;
            }
            int a = six(text, i);
            int b = six(text, i + 1);
            int c = six(text, i + 2);
            int d = six(text, i + 3);
            int[] bytes = {a << 2 | b >> 4, (b & 0xF) << 4 | c >> 2, (c & 0x3) << 6 | d};
            for (int k = 0; k < 3 && out.size() < length; k++) {
                out.write(bytes[k] & 0xFF);
            }
        }
        return out.toByteArray();
    }

    private static int six(String text, int at) {
        return at < text.length() ? (text.charAt(at) - ' ') & 0x3F : 0;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
