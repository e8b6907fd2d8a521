package org.supportintake.core.intake;

import java.util.OptionalLong;

import org.supportintake.core.outbox.AcknowledgementText;
import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.submission.Category;
import org.supportintake.core.submission.Coded;

/** Puts the acknowledgement, with the ticket number and due date, into the outbox; it is sent after commit. */
public final class WriteAcknowledgement implements IntakeStage {

    private final AcknowledgementText text;
    private final AutomaticReply reply;

    public WriteAcknowledgement(AcknowledgementText text, AutomaticReply reply) {
        this.text = text;
        this.reply = reply;
    }

    @Override
    public StageVerdict apply(IntakeContext context) {
        var ticket = context.requireTicket();
        boolean followUp = context.isFollowUp();
        reply.write(context, OptionalLong.of(ticket.id()),
                followUp ? OutboxKind.FOLLOW_UP_ACKNOWLEDGEMENT : OutboxKind.ACKNOWLEDGEMENT,
                text.subject(ticket.number(), followUp),
                text.body(context.submission().sender().fullName(), ticket.number(), categoryTitle(ticket.category()),
                        ticket.dueAt(), followUp,
                        context.rejectedAttachments()));
        return StageVerdict.proceed();
    }

    /** What people read for a form category; empty for an email, which has none. */
    private static String categoryTitle(String code) {
        return Coded.byCode(Category.class, code).map(Category::title).orElse("");
    }
}
