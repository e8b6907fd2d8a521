package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

import jakarta.mail.internet.InternetHeaders;

/**
 * Reads the header block of one entity (RFC 5322 §2.2) with a size limit: fields past the limit
 * are skipped up to the blank line, so the body still starts where it should. A first line that is
 * no header field means the entity has no header block, as mime4j reads it. The lines are added one by one as
 * {@link InternetHeaders#load} adds them, without it: Jakarta Mail 2.1 looks its stream provider up through the
 * service loader on every load, which scanned the class path once per entity (jakartaee/mail-api#861).
 */
final class EntityHeaders {

    private static final Pattern FIELD_START = Pattern.compile("[!-9;-~]+[ \\t]*:.*", Pattern.DOTALL);

    /** The headers and where the body starts, relative to the stream read. */
    record Block(InternetHeaders headers, long bodyStart) {
    }

    private EntityHeaders() {
    }

    static Block read(InputStream in, int maxBytes, DecodeMonitor monitor) throws IOException {
        ByteLines lines = new ByteLines(in, maxBytes); // one unfolded line may fill the whole block (700 recipients)
        InternetHeaders headers = new InternetHeaders();
        int kept = 0;
        boolean ended = false;
        boolean first = true;
        boolean cut = false;
        long bodyStart = 0;
        long afterLoneCrs = -1;
        boolean blankLine = false;
        while (lines.next()) {
            bodyStart = lines.end();
            if (lines.length() == 0) {
                blankLine = true;
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
            if (!cut && kept + lines.length() + 2 <= maxBytes && lines.isWhole()) {
                int blankAt = ended ? -1 : added(headers, text);
                if (blankAt >= 0) {
                    ended = true;
                    afterLoneCrs = lines.start() + blankAt;
                }
                kept += lines.length() + 2;
            } else if (!cut) {
                cut = true;
                monitor.overLimit("a header block is longer than " + maxBytes + " bytes; the fields past that were skipped");
            }
        }
        if (!blankLine && afterLoneCrs >= 0) {
            bodyStart = afterLoneCrs; // lines ended by CR alone (old Mac mailers): no LF ever ends the header block
        }
        return new Block(headers, bodyStart);
    }

    /**
     * Adds one line as Angus Mail's line reader splits it: a lone CR ends a line too, CR CR LF ends one line, and an
     * empty line ends the fields: then the offset in the line just past it (the body starts after the blank line found
     * above, if any), else -1.
     */
    private static int added(InternetHeaders headers, String line) {
        int from = 0;
        for (int cr = line.indexOf('\r'); cr >= 0; cr = line.indexOf('\r', from)) {
            if (cr == from) {
                return cr + 1;
            }
            headers.addHeaderLine(line.substring(from, cr));
            from = cr + 1;
        }
        if (from < line.length()) {
            headers.addHeaderLine(line.substring(from));
        }
        return -1;
    }
}
