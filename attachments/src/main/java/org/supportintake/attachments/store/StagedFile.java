package org.supportintake.attachments.store;

import java.nio.file.Path;

/**
 * Bytes copied into the store's staging area, not yet kept: where they are, how many were read,
 * their SHA-256 (empty when the limit was crossed), the first bytes for type detection, and the batch whose
 * {@link DeferredForce} forces them (null when they were forced as they were staged).
 */
public record StagedFile(Path path, long size, String sha256, byte[] header, int headerLength, boolean overLimit,
                         DeferredForce later) {
}
