package org.supportintake.attachments.policy;

import java.util.Objects;
import java.util.Optional;

import org.supportintake.attachments.inspection.DeclaredType;
import org.supportintake.attachments.inspection.Inspection;

/**
 * One file as it came with a message: its safe name, declared type (canonical {@code type/subtype},
 * or empty when the sender's was no media type), what its bytes are, and the verdict.
 */
public record ReceivedFile(String name, String declaredType, Inspection inspection, AttachmentVerdict verdict) {

    public ReceivedFile {
        Objects.requireNonNull(name, "name");
        declaredType = DeclaredType.canonical(declaredType);
        Objects.requireNonNull(inspection, "inspection");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** Why the file stays out, if it does. */
    public Optional<RejectionReason> rejection() {
        return verdict instanceof AttachmentVerdict.Rejected rejected ? Optional.of(rejected.reason()) : Optional.empty();
    }
}
