package org.supportintake.core.intake;

import java.time.Clock;
import java.util.OptionalLong;

import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.outbox.AcknowledgementLimit;
import org.supportintake.core.outbox.AcknowledgementText;
import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.outbox.OutboxMessage;
import org.supportintake.core.outbox.OutgoingMessageIds;
import org.supportintake.core.submission.EmailFacts;

/** Puts the acknowledgement into the outbox (sent after commit), unless the sender has had too many this hour. */
public final class WriteAcknowledgement implements IntakeStage {

    private final AcknowledgementText text;
    private final OutgoingMessageIds messageIds;
    private final AcknowledgementLimit limit;
    private final Clock clock;

    public WriteAcknowledgement(AcknowledgementText text, OutgoingMessageIds messageIds, AcknowledgementLimit limit,
                                Clock clock) {
        this.text = text;
        this.messageIds = messageIds;
        this.limit = limit;
        this.clock = clock;
    }

    @Override
    public StageVerdict apply(IntakeContext context) {
        var ticket = context.requireTicket();
        var submission = context.submission();
        String recipient = submission.sender().email().strip();
        if (!limit.allows(context.stores().outbox(), recipient)) {
            context.stores().log().append(IntakeEvent.onTicket(clock.instant(), EventKind.ACKNOWLEDGEMENT_SUPPRESSED,
                    submission.channel(), submission.externalId(), ticket.id(), "limit per hour reached"));
            return StageVerdict.proceed();
        }
        boolean followUp = context.isFollowUp();
        EmailFacts facts = submission.emailFacts().orElse(EmailFacts.NONE);
        context.stores().outbox().add(new OutboxMessage(OptionalLong.of(ticket.id()),
                followUp ? OutboxKind.FOLLOW_UP_ACKNOWLEDGEMENT : OutboxKind.ACKNOWLEDGEMENT,
                messageIds.next(),
                recipient,
                text.subject(ticket.number(), followUp),
                text.body(submission.sender().fullName(), ticket.number(), ticket.dueAt(), followUp,
                        context.rejectedAttachments()),
                facts.messageId(), facts.replyReferences(), submission.receivedAt()));
        return StageVerdict.proceed();
    }
}
