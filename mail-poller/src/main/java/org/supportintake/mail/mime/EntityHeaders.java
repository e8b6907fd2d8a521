package org.supportintake.mail.mime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

/**
 * Reads the header block of one entity (RFC 5322 §2.2) with a size limit: fields past the limit
 * are skipped up to the blank line, so the body still starts where it should. A first line that is
 * no header field means the entity has no header block, as mime4j reads it.
 */
final class EntityHeaders {

    private static final Pattern FIELD_START = Pattern.compile("[!-9;-~]+[ \\t]*:.*", Pattern.DOTALL);

    /** The headers and where the body starts, relative to the stream read. */
    record Block(InternetHeaders headers, long bodyStart) {
    }

    private EntityHeaders() {
    }

    static Block read(InputStream in, int maxBytes, DecodeMonitor monitor) throws IOException {
        ByteLines lines = new ByteLines(in, Math.min(maxBytes, 16 * 1024));
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        boolean first = true;
        boolean cut = false;
        long bodyStart = 0;
        while (lines.next()) {
            bodyStart = lines.end();
            if (lines.length() == 0) {
                break;
            }
            String text = lines.text();
            if (first && text.startsWith("From ")) {
                continue; // the separator line of an mbox file, not a header field
            }
            if (first && !FIELD_START.matcher(text).matches()) {
                bodyStart = 0; // no header block: the first line is already the body
                break;
            }
            first = false;
            if (!cut && kept.size() + lines.length() + 2 <= maxBytes && lines.isWhole()) {
                kept.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                kept.writeBytes(new byte[] {'\r', '\n'});
            } else if (!cut) {
                cut = true;
                monitor.overLimit("a header block is longer than " + maxBytes + " bytes; the fields past that were skipped");
            }
        }
        kept.writeBytes(new byte[] {'\r', '\n'});
        return new Block(parse(kept.toByteArray()), bodyStart);
    }

    private static InternetHeaders parse(byte[] block) {
        try {
            return new InternetHeaders(new ByteArrayInputStream(block));
        } catch (MessagingException cannotHappenInMemory) {
            throw new IllegalStateException("reading headers from memory failed", cannotHappenInMemory);
        }
    }
}
