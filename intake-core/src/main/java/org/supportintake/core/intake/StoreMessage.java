package org.supportintake.core.intake;

/** Stores the message and the metadata of its attachments on the decided ticket. */
public final class StoreMessage implements IntakeStage {

    @Override
    public StageVerdict apply(IntakeContext context) {
        context.stores().messages().insertIncoming(context.requireTicket().id(), context.submission());
        return StageVerdict.proceed();
    }
}
