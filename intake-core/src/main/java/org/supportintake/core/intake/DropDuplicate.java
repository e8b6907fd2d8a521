package org.supportintake.core.intake;

/** Stops a message whose external id is already stored (a re-delivery, a double click). */
public final class DropDuplicate implements IntakeStage {

    @Override
    public StageVerdict apply(IntakeContext context) {
        return context.stores().tickets().findByExternalId(context.submission().externalId())
                .map(original -> StageVerdict.stop(new IntakeOutcome.Duplicate(original.number())))
                .orElseGet(StageVerdict::proceed);
    }
}
