package org.supportintake.attachments.inspection;

/** Why an archive could not be walked to its end. */
public enum ArchiveProblem {
    /** Not a readable ZIP, or truncated. */
    CORRUPT,
    /** An entry is encrypted, so its content cannot be checked. */
    ENCRYPTED,
    /** More entries than {@link ArchiveLimits#maxEntries()}. */
    TOO_MANY_ENTRIES,
    /** Inflates past {@link ArchiveLimits#maxInflatedBytes()}. */
    TOO_MUCH_INFLATED,
    /** Inflates past {@link ArchiveLimits#maxRatio()} times its compressed size. */
    RATIO_TOO_HIGH,
    /** Archives nested deeper than {@link ArchiveLimits#maxDepth()}. */
    TOO_DEEP
}
