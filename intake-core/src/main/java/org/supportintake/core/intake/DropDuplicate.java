package org.supportintake.core.intake;

import java.util.Optional;

/** Stops a message whose external id was handled before (a re-delivery, a double click): nothing changes. */
public final class DropDuplicate implements IntakeStage {

    @Override
    public StageVerdict apply(IntakeContext context) {
        return earlierOutcome(context.stores(), context.submission().externalId())
                .map(StageVerdict::stop)
                .orElseGet(StageVerdict::proceed);
    }

    /** What became of this external id before: a ticket ({@code Duplicate}) or a receipt ({@code Ignored}). */
    static Optional<IntakeOutcome> earlierOutcome(Stores stores, String externalId) {
        Optional<IntakeOutcome> ticketed = stores.tickets().findByExternalId(externalId)
                .map(original -> new IntakeOutcome.Duplicate(original.number(), original.dueAt()));
        return ticketed.isPresent()
                ? ticketed
                : stores.receipts().outcomeOf(externalId).map(IntakeOutcome.Ignored::new);
    }
}
