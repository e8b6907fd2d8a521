package org.supportintake.attachments.inspection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * The media type of a file from its first bytes, by Tika's magic patterns (tika-core). No name is
 * given to Tika on purpose: it would let a {@code .docx} name turn any ZIP into a document.
 * Thread-safe.
 */
public final class ContentDetector {

    /** Enough bytes for every magic pattern tika-core knows. */
    public static final int HEADER_BYTES = 64 * 1024;

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

    public String detect(byte[] header, int length) {
        try {
            return types.detect(new ByteArrayInputStream(header, 0, length), new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    /** Whether {@code type} is a ZIP container Tika saw (plain ZIP, or OOXML by its first entry). */
    public static boolean isZip(String type) {
        return MediaTypes.ZIP.equals(type) || MediaTypes.OOXML_CONTAINER.equals(type);
    }
}
