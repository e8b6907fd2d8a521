package org.supportintake.attachments.policy;

import java.util.Set;

import org.supportintake.attachments.inspection.ArchiveLimits;
import org.supportintake.attachments.inspection.MediaTypes;

/**
 * The limits one channel puts on the files of one message: allowed types, size per file, number
 * of files, total size, what may sit inside a ZIP, and how a ZIP may inflate. Immutable;
 * {@link #form()} and {@link #email()} are DESIGN.md's defaults.
 */
public record AttachmentPolicy(Set<String> allowedTypes, long maxFileSize, int maxFiles, long maxTotalSize,
                               Set<String> allowedArchiveEntryTypes, ArchiveLimits archiveLimits) {

    private static final long MB = 1024L * 1024L;
    private static final Set<String> DOCUMENTS = Set.of(MediaTypes.PDF, MediaTypes.JPEG, MediaTypes.PNG, MediaTypes.DOCX);

    public AttachmentPolicy {
        allowedTypes = Set.copyOf(allowedTypes);
        allowedArchiveEntryTypes = Set.copyOf(allowedArchiveEntryTypes);
        if (maxFileSize < 1 || maxFiles < 1 || maxTotalSize < 1) {
            throw new IllegalArgumentException("attachment limits must be positive: " + this);
        }
    }

    /** The feedback form: PDF, JPEG, PNG, DOCX; 5 MB each; 5 files. */
    public static AttachmentPolicy form() {
        return new AttachmentPolicy(DOCUMENTS, 5 * MB, 5, 25 * MB, Set.of(), ArchiveLimits.defaults());
    }

    /**
     * Email: PDF, JPEG, PNG, DOCX, ZIPs of those, and forwarded messages (whose own files are judged
     * one by one); 10 MB for all files of one email together.
     */
    public static AttachmentPolicy email() {
        Set<String> withZip = Set.of(MediaTypes.PDF, MediaTypes.JPEG, MediaTypes.PNG, MediaTypes.DOCX, MediaTypes.ZIP);
        Set<String> files = Set.of(MediaTypes.PDF, MediaTypes.JPEG, MediaTypes.PNG, MediaTypes.DOCX, MediaTypes.ZIP,
                MediaTypes.EMAIL_MESSAGE);
        return new AttachmentPolicy(files, 10 * MB, 100, 10 * MB, withZip, ArchiveLimits.defaults());
    }

    public AttachmentPolicy withMaxFileSize(long bytes) {
        return new AttachmentPolicy(allowedTypes, bytes, maxFiles, maxTotalSize, allowedArchiveEntryTypes, archiveLimits);
    }

    public AttachmentPolicy withMaxFiles(int files) {
        return new AttachmentPolicy(allowedTypes, maxFileSize, files, maxTotalSize, allowedArchiveEntryTypes, archiveLimits);
    }

    public AttachmentPolicy withMaxTotalSize(long bytes) {
        return new AttachmentPolicy(allowedTypes, maxFileSize, maxFiles, bytes, allowedArchiveEntryTypes, archiveLimits);
    }

    public AttachmentPolicy withArchiveLimits(ArchiveLimits limits) {
        return new AttachmentPolicy(allowedTypes, maxFileSize, maxFiles, maxTotalSize, allowedArchiveEntryTypes, limits);
    }
}
