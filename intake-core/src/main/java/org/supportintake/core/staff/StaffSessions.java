package org.supportintake.core.staff;

import java.util.Optional;

/**
 * Staff sessions in the database, so that any node serves them and a node's loss logs nobody out. A session ends after
 * the idle time without a request, at logout, or at once when its account is disabled.
 */
public interface StaffSessions {

    /** Opens a session; the answer is the cookie value, shown once and stored only as its hash. */
    String open(StaffMember member);

    /** The live session of {@code cookieValue}, marked as used now; empty when unknown, idle too long or disabled. */
    Optional<StaffSession> resume(String cookieValue);

    void close(String cookieValue);
}
