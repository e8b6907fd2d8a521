package org.supportintake.core.work;

import java.util.Optional;

import org.supportintake.core.ticket.TicketNumber;

/** Reads what staff see of a ticket, and the accepted files they may download. Thread-safe. */
public interface TicketFiles {

    Optional<TicketFile> find(TicketNumber number);

    /** The accepted attachment with this id, with where its bytes are; empty for an unknown or rejected one. */
    Optional<StoredAttachment> accepted(long attachmentId);

    /** An accepted file: its ticket, its display name, the type detected from its bytes, size and content address. */
    record StoredAttachment(long id, TicketNumber ticket, String name, String detectedType, long size, String sha256) {
    }
}
