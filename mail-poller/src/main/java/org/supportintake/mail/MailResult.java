package org.supportintake.mail;

import org.supportintake.core.intake.IntakeOutcome;

/** What the mail path made of one message: handled (it can leave the inbox) or set aside for a person. */
public sealed interface MailResult {

    /** The intake service decided; the message goes to the processed folder. */
    record Handled(IntakeOutcome outcome) implements MailResult {
    }

    /** The message could not be read; it goes to the failed folder, never deleted. {@code reason} in English. */
    record SetAside(String externalId, String reason) implements MailResult {
    }
}
