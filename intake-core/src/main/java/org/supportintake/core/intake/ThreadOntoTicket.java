package org.supportintake.core.intake;

import java.util.Locale;

import org.supportintake.core.ticket.Ticket;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.ticket.TicketStatus;
import org.supportintake.core.ticket.TicketStore;

/**
 * A message naming an earlier ticket of the same requester is a follow-up on it; from anyone
 * else, or naming an unknown number, it opens a new ticket that refers to the earlier one.
 */
public final class ThreadOntoTicket implements IntakeStage {

    private static final String REPEAT_MARK = "повторный запрос";

    @Override
    public StageVerdict apply(IntakeContext context) {
        var submission = context.submission();
        if (submission.previousTicket().isBlank()) {
            return StageVerdict.proceed();
        }
        TicketNumber number = TicketNumber.parse(submission.previousTicket())
                .orElseThrow(() -> new IllegalStateException("not validated: " + submission));
        TicketStore tickets = context.stores().tickets();
        tickets.find(number)
                .filter(earlier -> earlier.isRequester(submission.sender().email()))
                .ifPresentOrElse(earlier -> followUp(context, tickets, earlier), () -> context.relateTo(number));
        return StageVerdict.proceed();
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
