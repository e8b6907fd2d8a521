package org.supportintake.attachments.inspection;

import java.util.List;
import java.util.Objects;

/**
 * What the bytes of one file turned out to be: detected media type, size read, SHA-256 (hex; empty
 * when the file was not read to its end) and, for an archive, its entries.
 */
public record Inspection(String detectedType, long size, String sha256, List<ArchiveEntry> entries) {

    public static final String UNKNOWN_TYPE = "application/octet-stream";

    public Inspection {
        Objects.requireNonNull(detectedType, "detectedType");
        Objects.requireNonNull(sha256, "sha256");
        entries = List.copyOf(entries);
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }

    /** A file not read at all (refused on its name or count alone). */
    public static Inspection unread() {
        return new Inspection(UNKNOWN_TYPE, 0, "", List.of());
    }
}
