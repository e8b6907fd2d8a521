package org.supportintake.core.intake;

import java.util.Optional;

import org.supportintake.core.submission.Submission;

/** Stops a message whose external id was handled before (a re-delivery, a double click): nothing changes. */
public final class DropDuplicate implements IntakeStage {

    @Override
    public StageVerdict apply(IntakeContext context) {
        return earlierOutcome(context.stores(), context.submission())
                .map(StageVerdict::stop)
                .orElseGet(StageVerdict::proceed);
    }

    /** What became of this external id before: a ticket ({@code Duplicate}) or a receipt ({@code Ignored}). */
    static Optional<IntakeOutcome> earlierOutcome(Stores stores, Submission submission) {
        String externalId = submission.externalId();
        Optional<IntakeOutcome> ticketed = stores.tickets().findByExternalId(externalId)
                .map(original -> new IntakeOutcome.Duplicate(original.number(), original.dueAt(),
                        original.isRequester(submission.sender().email())));
        return ticketed.isPresent()
                ? ticketed
                : stores.receipts().outcomeOf(externalId).map(IntakeOutcome.Ignored::new);
    }
}
