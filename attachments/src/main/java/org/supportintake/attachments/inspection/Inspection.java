package org.supportintake.attachments.inspection;

import java.util.Objects;

/** What the bytes of one file turned out to be: detected media type, exact size and SHA-256 (hex). */
public record Inspection(String detectedType, long size, String sha256) {

    public Inspection {
        Objects.requireNonNull(detectedType, "detectedType");
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }
}
