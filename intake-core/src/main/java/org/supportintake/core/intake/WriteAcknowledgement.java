package org.supportintake.core.intake;

import org.supportintake.core.outbox.AcknowledgementText;
import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.outbox.OutboxMessage;

/** Puts the acknowledgement into the outbox; it is sent after commit. */
public final class WriteAcknowledgement implements IntakeStage {

    private final AcknowledgementText text;

    public WriteAcknowledgement(AcknowledgementText text) {
        this.text = text;
    }

    @Override
    public StageVerdict apply(IntakeContext context) {
        var ticket = context.requireTicket();
        var submission = context.submission();
        boolean followUp = context.isFollowUp();
        String inReplyTo = submission.emailFacts().map(facts -> facts.messageId()).orElse("");
        context.stores().outbox().add(new OutboxMessage(ticket.id(),
                followUp ? OutboxKind.FOLLOW_UP_ACKNOWLEDGEMENT : OutboxKind.ACKNOWLEDGEMENT,
                submission.sender().email().strip(),
                text.subject(ticket.number(), followUp),
                text.body(submission.sender().fullName(), ticket.number(), ticket.dueAt(), followUp,
                        context.rejectedAttachments()),
                inReplyTo, submission.receivedAt()));
        return StageVerdict.proceed();
    }
}
