package org.supportintake.core.ticket;

import org.supportintake.core.submission.Submission;

/** The messages of tickets and their attachment metadata, inside the current transaction. */
public interface MessageStore {

    /**
     * Stores an incoming message on a ticket, with the metadata of every attachment and its verdict.
     *
     * @throws DuplicateExternalIdException when the external id is already stored
     */
    long insertIncoming(long ticketId, Submission submission);
}
