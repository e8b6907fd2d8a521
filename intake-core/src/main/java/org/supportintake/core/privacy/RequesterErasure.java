package org.supportintake.core.privacy;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.audit.AuditText;
import org.supportintake.core.ticket.AttachmentReferences;

/**
 * Erasure on request (152-FZ, a withdrawn consent): every ticket of one requester, found by email, is anonymised,
 * with the set-aside mail from that address and the stored files of their messages; ticket numbers, dates and
 * statistics stay. The caller (an admin's page) writes the audit row. Thread-safe.
 */
public final class RequesterErasure {

    private final PersonalData data;
    private final StoredFiles files;
    private final Clock clock;

    public RequesterErasure(PersonalData data, FileStore files, AttachmentReferences references, Clock clock) {
        this.data = data;
        this.files = new StoredFiles(files, references);
        this.clock = clock;
    }

    /** What erasing {@code email} would touch, for the confirmation step (nothing is changed). */
    public Erasure preview(String email) {
        String address = normalised(email);
        return new Erasure(data.ticketsOf(address).size(), data.setAsideFrom(address), 0);
    }

    /**
     * Anonymises everything of {@code email}; {@code reason} goes to each ticket's {@code requester_erased} event with
     * any email address or phone in it masked, as the log outlives the data.
     */
    public Erasure erase(String email, String reason, String staff) {
        String address = normalised(email);
        List<Long> tickets = data.ticketsOf(address);
        int setAside = data.setAsideFrom(address);
        Set<String> hashes = new HashSet<>(data.anonymise(tickets, clock.instant(), staff,
                "erased on request: " + AuditText.masked(reason)));
        hashes.addAll(data.anonymiseOutsideTickets(address, clock.instant(), staff));
        return new Erasure(tickets.size(), setAside, files.deleteUnreferenced(hashes));
    }

    static String normalised(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
