package org.supportintake.core.intake;

import org.supportintake.attachments.policy.RejectionReason;

/** A file that did not reach the ticket, and why; the acknowledgement lists these. */
public record RejectedAttachment(String name, RejectionReason reason) {
}
