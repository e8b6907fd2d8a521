package org.supportintake.core.ticket;

import org.supportintake.core.IntakeException;

/** Another transaction stored a message with the same external id first (a second delivery). */
public class DuplicateExternalIdException extends IntakeException {

    public DuplicateExternalIdException(String externalId, Throwable cause) {
        super("external id already stored: " + externalId, cause);
    }
}
