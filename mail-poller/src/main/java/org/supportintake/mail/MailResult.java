package org.supportintake.mail;

import org.supportintake.core.intake.IntakeOutcome;

/**
 * What the mail path made of one message: handled (it can leave the inbox), set aside for a person,
 * or left for the next poll. Reasons are English; what is not handled carries its {@link RawMail}, for the quarantine.
 */
public sealed interface MailResult {

    /** The intake service decided; the message goes to the processed folder. */
    record Handled(IntakeOutcome outcome) implements MailResult {
    }

    /** The message could not be read (too large, no structure); it goes to the failed folder, never deleted. */
    record SetAside(String externalId, String reason, RawMail raw) implements MailResult {
    }

    /** Taking the message threw, and the fault is the message's ({@link FailureKind#MESSAGE}): to the failed folder now. */
    record Broken(String externalId, String reason, Throwable failure, RawMail raw) implements MailResult {
    }

    /** Taking the message threw something that may pass ({@link FailureKind#TRANSIENT}): it stays in the inbox. */
    record Deferred(String externalId, String reason, Throwable failure, RawMail raw) implements MailResult {
    }
}
