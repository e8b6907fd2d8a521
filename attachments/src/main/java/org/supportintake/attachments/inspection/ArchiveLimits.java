package org.supportintake.attachments.inspection;

/**
 * Bounds on walking an archive, so a zip bomb is caught while it inflates: entries, total inflated
 * bytes, inflated-to-compressed ratio, and how deep archives may nest in archives. Immutable.
 */
public record ArchiveLimits(int maxEntries, long maxInflatedBytes, int maxRatio, int maxDepth) {

    public ArchiveLimits {
        if (maxEntries < 1 || maxInflatedBytes < 1 || maxRatio < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("archive limits must be positive: " + this);
        }
    }

    /** 1,000 entries, 100 MB inflated, ratio 100, two levels (a ZIP may hold ZIPs, not deeper). */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(1000, 100L * 1024 * 1024, 100, 2);
    }
}
