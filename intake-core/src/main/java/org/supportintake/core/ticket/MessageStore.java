package org.supportintake.core.ticket;

import org.supportintake.core.submission.Submission;

/** The messages of tickets and their attachment metadata, inside the current transaction. */
public interface MessageStore {

    /**
     * Stores an incoming message on a ticket, with the metadata of every attachment and its verdict.
     *
     * @throws DuplicateExternalIdException when the external id is already stored; it may surface only at the
     *         transaction's next statement or at its end, before the commit (the insert may be held back to go with it)
     */
    void insertIncoming(long ticketId, Submission submission);

    /** The Message-IDs of the citizen's mails on the ticket, oldest first (form messages have none). */
    java.util.List<String> citizenMessageIds(long ticketId);
}
