package org.supportintake.core.intake;

import java.util.List;
import java.util.Optional;

import org.supportintake.core.submission.Submission;
import org.supportintake.core.ticket.Ticket;
import org.supportintake.core.ticket.TicketNumber;

/** One submission on its way through the path: what came in, the transaction's stores, and what the stages decided. */
public final class IntakeContext {

    private final Submission submission;
    private final Stores stores;
    private Ticket ticket;
    private boolean followUp;
    private TicketNumber relatedTicket;

    public IntakeContext(Submission submission, Stores stores) {
        this.submission = submission;
        this.stores = stores;
    }

    public Submission submission() {
        return submission;
    }

    public Stores stores() {
        return stores;
    }

    /** The ticket this message belongs to, once threading or opening has decided it. */
    public Optional<Ticket> ticket() {
        return Optional.ofNullable(ticket);
    }

    public Ticket requireTicket() {
        return ticket().orElseThrow(() -> new IllegalStateException("no ticket decided yet for " + submission));
    }

    public boolean isFollowUp() {
        return followUp;
    }

    /** An earlier ticket the message refers to without being a follow-up on it. */
    public Optional<TicketNumber> relatedTicket() {
        return Optional.ofNullable(relatedTicket);
    }

    void followUpOn(Ticket existing) {
        this.ticket = existing;
        this.followUp = true;
    }

    void opened(Ticket created) {
        this.ticket = created;
    }

    void relateTo(TicketNumber number) {
        this.relatedTicket = number;
    }

    public List<RejectedAttachment> rejectedAttachments() {
        return submission.attachments().stream()
                .flatMap(file -> file.rejection().map(reason -> new RejectedAttachment(file.name(), reason)).stream())
                .toList();
    }

    /** The outcome once every stage has proceeded. */
    IntakeOutcome outcome() {
        Ticket decided = requireTicket();
        return followUp
                ? new IntakeOutcome.FollowUp(decided.number(), decided.dueAt(), rejectedAttachments())
                : new IntakeOutcome.Created(decided.number(), decided.dueAt(), rejectedAttachments());
    }
}
