package org.supportintake.core.submission;

import java.util.Objects;

import org.supportintake.attachments.inspection.Inspection;
import org.supportintake.attachments.policy.AttachmentVerdict;

/** One file that came with a submission, already inspected and judged by its channel's policy. */
public record Attachment(String name, String declaredType, Inspection inspection, AttachmentVerdict verdict) {

    public Attachment {
        Objects.requireNonNull(name, "name");
        declaredType = Submission.orEmpty(declaredType);
        Objects.requireNonNull(inspection, "inspection");
        Objects.requireNonNull(verdict, "verdict");
    }
}
