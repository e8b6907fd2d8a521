package org.supportintake.attachments.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.supportintake.attachments.inspection.Inspection;

/**
 * The limits one channel puts on the files of one message. Immutable; {@link #form()} and
 * {@link #email()} are DESIGN.md's defaults.
 */
public record AttachmentPolicy(Set<String> allowedTypes, long maxFileSize, int maxFiles, long maxTotalSize) {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String ZIP = "application/zip";

    private static final long MB = 1024L * 1024L;

    public AttachmentPolicy {
        allowedTypes = Set.copyOf(allowedTypes);
    }

    /** The feedback form: PDF, JPEG, PNG, DOCX; 5 MB each; 5 files. */
    public static AttachmentPolicy form() {
        return new AttachmentPolicy(Set.of(PDF, JPEG, PNG, DOCX), 5 * MB, 5, 25 * MB);
    }

    /** Email: PDF, JPEG, PNG, DOCX, ZIP; 10 MB for all files of one email together. */
    public static AttachmentPolicy email() {
        return new AttachmentPolicy(Set.of(PDF, JPEG, PNG, DOCX, ZIP), 10 * MB, Integer.MAX_VALUE, 10 * MB);
    }

    /** One verdict per file, in order; files past the count or total limit are rejected, earlier ones kept. */
    public List<AttachmentVerdict> judge(List<Inspection> files) {
        List<AttachmentVerdict> verdicts = new ArrayList<>(files.size());
        long acceptedTotal = 0;
        int acceptedCount = 0;
        for (Inspection file : files) {
            AttachmentVerdict verdict = judgeAlone(file);
            if (verdict.isAccepted() && acceptedCount >= maxFiles) {
                verdict = AttachmentVerdict.rejected(RejectionReason.TOO_MANY_FILES);
            } else if (verdict.isAccepted() && acceptedTotal + file.size() > maxTotalSize) {
                verdict = AttachmentVerdict.rejected(RejectionReason.TOTAL_TOO_LARGE);
            }
            if (verdict.isAccepted()) {
                acceptedCount++;
                acceptedTotal += file.size();
            }
            verdicts.add(verdict);
        }
        return verdicts;
    }

    private AttachmentVerdict judgeAlone(Inspection file) {
        if (file.size() == 0) {
            return AttachmentVerdict.rejected(RejectionReason.EMPTY);
        }
        if (!allowedTypes.contains(file.detectedType())) {
            return AttachmentVerdict.rejected(RejectionReason.TYPE_NOT_ALLOWED);
        }
        if (file.size() > maxFileSize) {
            return AttachmentVerdict.rejected(RejectionReason.TOO_LARGE);
        }
        return AttachmentVerdict.accepted();
    }
}
