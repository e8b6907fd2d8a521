package org.supportintake.core.quarantine;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the quarantine: the mail as set aside ({@link NewSetAside}), its state, the outcome of its last replay
 * (Russian, empty when never replayed) and who last replayed or deleted it, and when.
 */
public record SetAsideMail(long id, Instant setAsideAt, NewSetAside mail, SetAsideState state, String replayOutcome,
                           String handledBy, Optional<Instant> handledAt) {

    /** Whether the raw message is in the file store (it was not over the size limit, and not deleted since). */
    public boolean rawKept() {
        return !mail.rawSha256().isEmpty() && state != SetAsideState.DELETED;
    }
}
