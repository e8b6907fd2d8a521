package org.supportintake.core.intake;

import java.time.Instant;
import java.util.List;

import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.validation.Violation;

/** What became of a submission; each channel turns every case into a page, a JSON body or a reply. */
public sealed interface IntakeOutcome {

    /** A stable code for logs and metrics: {@code created}, {@code follow_up}, {@code duplicate}, {@code invalid}, {@code ignored}. */
    default String code() {
        if (this instanceof Created) {
            return "created";
        }
        if (this instanceof FollowUp) {
            return "follow_up";
        }
        if (this instanceof Duplicate) {
            return "duplicate";
        }
        return this instanceof Invalid ? "invalid" : "ignored";
    }

    /** The message is on a ticket: a new one, a follow-up, or one it reached before. */
    sealed interface OnTicket extends IntakeOutcome {
        TicketNumber ticketNumber();

        Instant dueAt();

        /** Files that did not reach the ticket (none for a duplicate: nothing was taken this time). */
        List<RejectedAttachment> rejectedAttachments();
    }

    /** A new ticket was opened. */
    record Created(TicketNumber ticketNumber, Instant dueAt, List<RejectedAttachment> rejectedAttachments)
            implements OnTicket {
    }

    /**
     * The message was added to an existing ticket of the same requester. Email only: the form and the
     * API, whose address nobody proved, always open a new ticket that refers to the one they name.
     */
    record FollowUp(TicketNumber ticketNumber, Instant dueAt, List<RejectedAttachment> rejectedAttachments)
            implements OnTicket {
    }

    /**
     * The external id was seen before (a re-delivery, a double click); nothing changed. {@code sameSender} says
     * whether this repeat comes from the ticket's requester (email without case): only then may a channel show
     * the number and due time, else it answers that the submission was already received, without details.
     */
    record Duplicate(TicketNumber ticketNumber, Instant dueAt, boolean sameSender) implements OnTicket {
        @Override
        public List<RejectedAttachment> rejectedAttachments() {
            return List.of();
        }
    }

    /**
     * The submission breaks rules. From the form nothing was stored; an email gets a receipt and, when
     * it had nothing usable, an explanatory reply.
     */
    record Invalid(List<Violation> violations) implements IntakeOutcome {
    }

    /**
     * No ticket was made or changed: an auto-reply, bounce, mailing-list or own mail, or an email
     * handled before without a ticket. {@code reason} is a stable code ({@code auto_reply}, {@code bounce} …).
     */
    record Ignored(String reason) implements IntakeOutcome {
    }
}
