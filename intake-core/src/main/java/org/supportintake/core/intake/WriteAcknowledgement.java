package org.supportintake.core.intake;

import org.supportintake.core.outbox.AcknowledgementText;
import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.outbox.OutboxMessage;
import org.supportintake.core.outbox.OutgoingMessageIds;
import org.supportintake.core.submission.EmailFacts;

/** Puts the acknowledgement into the outbox; it is sent after commit. */
public final class WriteAcknowledgement implements IntakeStage {

    private final AcknowledgementText text;
    private final OutgoingMessageIds messageIds;

    public WriteAcknowledgement(AcknowledgementText text, OutgoingMessageIds messageIds) {
        this.text = text;
        this.messageIds = messageIds;
    }

    @Override
    public StageVerdict apply(IntakeContext context) {
        var ticket = context.requireTicket();
        var submission = context.submission();
        boolean followUp = context.isFollowUp();
        EmailFacts facts = submission.emailFacts().orElse(EmailFacts.NONE);
        context.stores().outbox().add(new OutboxMessage(ticket.id(),
                followUp ? OutboxKind.FOLLOW_UP_ACKNOWLEDGEMENT : OutboxKind.ACKNOWLEDGEMENT,
                messageIds.next(),
                submission.sender().email().strip(),
                text.subject(ticket.number(), followUp),
                text.body(submission.sender().fullName(), ticket.number(), ticket.dueAt(), followUp,
                        context.rejectedAttachments()),
                facts.messageId(), facts.replyReferences(), submission.receivedAt()));
        return StageVerdict.proceed();
    }
}
