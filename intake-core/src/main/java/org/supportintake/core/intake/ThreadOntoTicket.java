package org.supportintake.core.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 */
public final class ThreadOntoTicket implements IntakeStage {

    private static final String REPEAT_MARK = "повторный запрос";
    private static final int MAX_REFERENCES = 20;

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

    private static void followUp(IntakeContext context, TicketStore tickets, Ticket earlier) {
        context.followUpOn(earlier);
        if (earlier.status() == TicketStatus.WAITING_FOR_CITIZEN) {
            tickets.updateStatus(earlier.id(), TicketStatus.IN_PROGRESS);
        }
        String said = (context.submission().subject() + " " + context.submission().text()).toLowerCase(Locale.ROOT);
        if (earlier.overdue() || said.contains(REPEAT_MARK)) {
            tickets.markRepeatRequest(earlier.id());
        }
    }
}
