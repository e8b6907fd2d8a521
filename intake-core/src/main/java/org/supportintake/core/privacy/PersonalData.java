package org.supportintake.core.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where a requester's personal data lives, and its anonymisation: names, contacts, texts, file names and the stored
 * files' hashes go; ticket numbers, dates, statuses, categories, priorities and counts stay. Each call is one
 * transaction. Thread-safe.
 */
public interface PersonalData {

    /** The tickets not yet anonymised whose requester, or the sender of any of whose messages, is {@code email} (any case). */
    List<Long> ticketsOf(String email);

    /** Set-aside mail from {@code email} not yet deleted. */
    int setAsideFrom(String email);

    /** Up to {@code limit} closed tickets not yet anonymised whose closing is older than {@code closedBefore}. */
    List<Long> closedBefore(Instant closedBefore, int limit);

    /**
     * Anonymises {@code tickets} and logs a {@code requester_erased} event on each, by {@code staff} (empty for the
     * service) with {@code detail}; returns the hashes of the stored files their messages used.
     */
    Set<String> anonymise(List<Long> tickets, Instant at, String staff, String detail);

    /**
     * Anonymises what is kept of {@code email} outside its tickets (set-aside mail, marked deleted; mail to it without
     * a ticket); returns the hashes of the raw files set aside.
     */
    Set<String> anonymiseOutsideTickets(String email, Instant at, String staff);
}
