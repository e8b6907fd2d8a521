package org.supportintake.core.outbox;

import org.supportintake.core.IntakeException;

/** A mail could not be handed to the mail server; {@link #isPermanent()} when retrying will not help (SMTP 5xx). */
public class UnableToSendMailException extends IntakeException {

    private final boolean permanent;

    public UnableToSendMailException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }
}
