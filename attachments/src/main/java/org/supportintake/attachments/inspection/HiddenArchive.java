package org.supportintake.attachments.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * A ZIP hidden in a file that is not one (a polyglot: {@code cat scan.pdf payload.zip}). Viewers
 * show the document, while an unzip tool, or a mail gateway that looks inside archives, sees the
 * archive. Two rules, both on the staged file, read in 64 KB pieces (never whole into memory):
 * <ul>
 * <li>a PDF, JPEG or PNG: its last 64 KB hold a ZIP end-of-central-directory record (APPNOTE 4.3.16) whose
 * central directory really starts where the record says: what every unzip tool looks for;</li>
 * <li>a PDF: a ZIP local file header ({@code PK\3\4}, APPNOTE 4.3.7) after its last {@code %%EOF}
 * (ISO 32000-1 §7.5.5): what tools that scan for archives inside files look for.</li>
 * </ul>
 * A file inside an archive is held to the same rules as it streams by ({@link Watch}): unpacked, it
 * is such a file. Thread-safe.
 */
public final class HiddenArchive {

    private static final int BUFFER = 64 * 1024;
    private static final Set<String> LOOKED_AT = Set.of(MediaTypes.PDF, MediaTypes.JPEG, MediaTypes.PNG);
    private static final BytePattern PDF_END = new BytePattern("%%EOF".getBytes(StandardCharsets.US_ASCII));
    private static final BytePattern LOCAL_HEADER = new BytePattern(new byte[] {'P', 'K', 3, 4});
    private static final int END_RECORD = 0x06054b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_RECORD_SIZE = 22;
    /** The end record carries a comment of at most 65,535 bytes, so it starts within this distance of the end. */
    private static final int END_SEARCH = END_RECORD_SIZE + 0xFFFF;

    private HiddenArchive() {
    }

    /**
     * Whether the file at {@code path}, detected as {@code detectedType}, carries a ZIP after or beside
     * its content. Only documents and images are looked at: a ZIP or DOCX is an archive anyway, and a
     * forwarded email may legitimately end in a binary part.
     */
    public static boolean in(Path path, String detectedType) {
        if (!LOOKED_AT.contains(detectedType)) {
            return false;
        }
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            return endsWithZip(file) || MediaTypes.PDF.equals(detectedType) && zipAfterPdfEnd(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staged file " + path, e);
        }
    }

    private static boolean endsWithZip(FileChannel file) throws IOException {
        long size = file.size();
        long tailStart = Math.max(0, size - END_SEARCH);
        ByteBuffer tail = ByteBuffer.allocate((int) (size - tailStart)).order(ByteOrder.LITTLE_ENDIAN);
        file.read(tail, tailStart);
        for (int at = tail.limit() - END_RECORD_SIZE; at >= 0; at--) {
            if (tail.getInt(at) == END_RECORD && isEndRecord(file, tail, at, tailStart + at)) {
                return true;
            }
        }
        return false;
    }

    /** The comment fits in the file and the central directory the record counts is right before it. */
    private static boolean isEndRecord(FileChannel file, ByteBuffer tail, int at, long position) throws IOException {
        int commentLength = Short.toUnsignedInt(tail.getShort(at + 20));
        long directorySize = Integer.toUnsignedLong(tail.getInt(at + 12));
        if (position + END_RECORD_SIZE + commentLength > file.size() || directorySize == 0 || directorySize > position) {
            return false;
        }
        ByteBuffer signature = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        file.read(signature, position - directorySize);
        return signature.position() == 4 && signature.getInt(0) == CENTRAL_HEADER;
    }

    /** Whether files of {@code detectedType} are looked at: documents and images. */
    static boolean looksAt(String detectedType) {
        return LOOKED_AT.contains(detectedType);
    }

    /**
     * Reads {@code content} to its end and tells whether it carries a ZIP by the same two rules, keeping only
     * its last 64 KB: an end record there whose comment fits in the file (whose central directory, when it
     * starts within those 64 KB, really starts where the record says), or in a PDF a local header after the last
     * {@code %%EOF}. Does not close {@code content}.
     */
    static boolean in(InputStream content, String detectedType) throws IOException {
        boolean pdf = MediaTypes.PDF.equals(detectedType);
        BytePattern.Matcher pdfEnd = PDF_END.matcher();
        BytePattern.Matcher localHeader = LOCAL_HEADER.matcher();
        byte[] tail = new byte[END_SEARCH];
        byte[] buffer = new byte[BUFFER];
        long position = 0;
        for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
            if (pdf) {
                pdfEnd.feed(buffer, n, position);
                localHeader.feed(buffer, n, position);
            }
            for (int copied = 0; copied < n; ) {
                int at = (int) ((position + copied) % END_SEARCH);
                int chunk = Math.min(n - copied, END_SEARCH - at);
                System.arraycopy(buffer, copied, tail, at, chunk);
                copied += chunk;
            }
            position += n;
        }
        int kept = (int) Math.min(position, END_SEARCH);
        ByteBuffer last = ByteBuffer.allocate(kept).order(ByteOrder.LITTLE_ENDIAN);
        for (long at = position - kept; at < position; at++) {
            last.put(tail[(int) (at % END_SEARCH)]);
        }
        return endsWithZip(last, position) || pdf && pdfEnd.found() && localHeader.lastEnd() - 4 >= pdfEnd.lastEnd();
    }

    /** {@code last}: the final bytes of a stream of {@code size} bytes. */
    private static boolean endsWithZip(ByteBuffer last, long size) {
        long lastStart = size - last.limit();
        for (int at = last.limit() - END_RECORD_SIZE; at >= 0; at--) {
            if (last.getInt(at) != END_RECORD) {
                continue;
            }
            long position = lastStart + at;
            int commentLength = Short.toUnsignedInt(last.getShort(at + 20));
            long directorySize = Integer.toUnsignedLong(last.getInt(at + 12));
            if (position + END_RECORD_SIZE + commentLength > size || directorySize == 0 || directorySize > position) {
                continue;
            }
            long directory = position - directorySize - lastStart;
            if (directory < 0 || last.getInt((int) directory) == CENTRAL_HEADER) {
                return true;
            }
        }
        return false;
    }

    private static boolean zipAfterPdfEnd(FileChannel file) throws IOException {
        BytePattern.Matcher pdfEnd = PDF_END.matcher();
        BytePattern.Matcher localHeader = LOCAL_HEADER.matcher();
        InputStream in = Channels.newInputStream(file.position(0));
        byte[] buffer = new byte[BUFFER];
        long position = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            pdfEnd.feed(buffer, n, position);
            localHeader.feed(buffer, n, position);
            position += n;
        }
        return pdfEnd.found() && localHeader.lastEnd() - 4 >= pdfEnd.lastEnd();
    }
}
