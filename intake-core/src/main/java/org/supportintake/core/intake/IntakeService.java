package org.supportintake.core.intake;

import org.supportintake.core.submission.Submission;
import org.supportintake.core.ticket.DuplicateExternalIdException;

/**
 * Takes in one submission from either channel in ONE transaction (DESIGN.md, "One path for every
 * message"). Nothing is sent and no mailbox is touched here. Thread-safe.
 */
public final class IntakeService {

    private final Transactions transactions;
    private final IntakePipeline pipeline;

    public IntakeService(Transactions transactions, IntakePipeline pipeline) {
        this.transactions = transactions;
        this.pipeline = pipeline;
    }

    public IntakeOutcome accept(Submission submission) {
        try {
            return transactions.inTransaction(stores -> pipeline.run(new IntakeContext(submission, stores)));
        } catch (DuplicateExternalIdException raced) {
            // Another node stored the same message between our check and our insert; it was rolled back here.
            return transactions.inTransaction(stores -> stores.tickets().findByExternalId(submission.externalId())
                    .<IntakeOutcome>map(original -> new IntakeOutcome.Duplicate(original.number()))
                    .orElseThrow(() -> raced));
        }
    }
}
