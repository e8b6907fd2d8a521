package org.supportintake.core.intake;

import java.time.Clock;
import java.util.List;

import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.submission.EmailFacts;

/** Records in the intake log that a ticket was opened or a follow-up added, and what of an email could not be read. */
public final class AppendIntakeLog implements IntakeStage {

    private final Clock clock;

    public AppendIntakeLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public StageVerdict apply(IntakeContext context) {
        var ticket = context.requireTicket();
        var submission = context.submission();
        String detail = "attachments=" + submission.attachments().size()
                + " rejected=" + context.rejectedAttachments().size()
                + context.relatedTicket().map(related -> " related=" + related).orElse("");
        context.stores().log().append(IntakeEvent.onTicket(clock.instant(),
                context.isFollowUp() ? EventKind.FOLLOW_UP_ADDED : EventKind.TICKET_CREATED,
                submission.channel(), submission.externalId(), ticket.id(), detail));
        List<String> problems = submission.emailFacts().map(EmailFacts::readingProblems).orElse(List.of());
        if (!problems.isEmpty()) {
            context.stores().log().append(IntakeEvent.onTicket(clock.instant(), EventKind.MAIL_DAMAGED,
                    submission.channel(), submission.externalId(), ticket.id(), String.join("; ", problems)));
        }
        return StageVerdict.proceed();
    }
}
