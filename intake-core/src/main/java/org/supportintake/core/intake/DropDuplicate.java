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
        // one query for both, not two: the lookup is a round trip of every submission
        ReceiptStore.Earlier earlier = stores.receipts().earlier(submission.externalId());
        Optional<IntakeOutcome> ticketed = earlier.ticket()
                .map(original -> new IntakeOutcome.Duplicate(original.number(), original.dueAt(),
                        original.isRequester(submission.sender().email())));
        return ticketed.isPresent() ? ticketed : earlier.outcome().map(IntakeOutcome.Ignored::new);
    }
}
