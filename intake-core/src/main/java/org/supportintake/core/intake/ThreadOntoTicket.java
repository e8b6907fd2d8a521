package org.supportintake.core.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.sla.ReplyClock;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.EmailFacts;
import org.supportintake.core.submission.Submission;

import org.supportintake.core.ticket.Ticket;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.ticket.TicketStatus;
import org.supportintake.core.ticket.TicketStore;

/**
 * An email naming an earlier ticket of the same requester is a follow-up on it; from anyone else,
 * or naming an unknown number, it opens a new ticket that refers to the earlier one. An email whose
 * {@code In-Reply-To}/{@code References} name a mail of a ticket is a follow-up on it. The form and
 * the API never add to an existing ticket: anyone may type anyone's address there, so a number
 * they name is only a reference on a new ticket, whether or not it exists or is theirs.
 * A follow-up restarts the reply clock of a waiting ticket, reopens one resolved within the reopen
 * window; one on a ticket resolved longer ago, or closed, opens a new ticket that refers to it.
 */
public final class ThreadOntoTicket implements IntakeStage {

    private static final int MAX_REFERENCES = 20;

    private final ReplyClock clock;

    public ThreadOntoTicket(ReplyClock clock) {
        this.clock = clock;
    }

    @Override
    public StageVerdict apply(IntakeContext context) {
        var submission = context.submission();
        TicketStore tickets = context.stores().tickets();
        if (submission.previousTicket().isBlank()) {
            tickets.findByMessageIds(threadIds(submission)).ifPresent(earlier -> followUp(context, tickets, earlier));
            return StageVerdict.proceed();
        }
        TicketNumber number = TicketNumber.parse(submission.previousTicket())
                .orElseThrow(() -> new IllegalStateException("not validated: " + submission));
        if (submission.channel() == Channel.FORM) {
            // Its address is unproven: it must neither change the ticket nor learn that it exists.
            context.relateTo(number);
            return StageVerdict.proceed();
        }
        tickets.find(number)
                .filter(earlier -> earlier.isRequester(submission.sender().email()))
                .ifPresentOrElse(earlier -> followUp(context, tickets, earlier), () -> context.relateTo(number));
        return StageVerdict.proceed();
    }

    /** In-Reply-To and the newest References; a long chain adds nothing but cost. */
    private static List<String> threadIds(Submission submission) {
        EmailFacts facts = submission.emailFacts().orElse(EmailFacts.NONE);
        List<String> ids = new ArrayList<>();
        if (!facts.inReplyTo().isBlank()) {
            ids.add(facts.inReplyTo());
        }
        List<String> references = facts.references();
        ids.addAll(references.subList(Math.max(0, references.size() - MAX_REFERENCES), references.size()));
        return ids;
    }

    private void followUp(IntakeContext context, TicketStore tickets, Ticket earlier) {
        Instant now = context.submission().receivedAt();
        boolean resolved = earlier.status() == TicketStatus.RESOLVED;
        if (earlier.status() == TicketStatus.CLOSED
                || resolved && !clock.reopens(earlier.pausedSince().orElse(now), now)) {
            context.relateTo(earlier.number());
            return;
        }
        if (earlier.status() == TicketStatus.WAITING_FOR_CITIZEN || resolved) {
            tickets.resume(earlier.id(), TicketStatus.IN_PROGRESS,
                    clock.resume(earlier.deadline(), earlier.pausedSince().orElse(now), now));
        }
        // the receipt names the due time as it is now, moved by the pause
        context.followUpOn(tickets.find(earlier.number()).orElseThrow());
        if (resolved) {
            context.stores().log().append(IntakeEvent.onTicket(now, EventKind.TICKET_REOPENED,
                    context.submission().channel(), context.submission().externalId(), earlier.id(), "follow-up"));
        }
        if (earlier.overdue() || RepeatMark.in(context.submission())) {
            tickets.markRepeatRequest(earlier.id());
        }
    }
}
