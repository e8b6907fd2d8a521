package org.supportintake.core.quarantine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.ticket.AttachmentReferences;

/**
 * What staff do with set-aside mail: list and read it, replay it through the intake path, delete it. Deleting marks
 * the row and removes the raw file only when nothing else (a message, a receipt, another waiting row) refers to it;
 * nothing else is ever deleted. Thread-safe.
 */
public final class SetAsideDesk {

    private final Quarantine quarantine;
    private final MailReplay replay;
    private final FileStore files;
    private final AttachmentReferences references;
    private final Clock clock;

    public SetAsideDesk(Quarantine quarantine, MailReplay replay, FileStore files, AttachmentReferences references,
                        Clock clock) {
        this.quarantine = quarantine;
        this.replay = replay;
        this.files = files;
        this.references = references;
        this.clock = clock;
    }

    public Quarantine.Page page(Optional<Long> before, int limit) {
        return quarantine.page(before, limit);
    }

    public Optional<SetAsideMail> find(long id) {
        return quarantine.find(id);
    }

    /** The raw message's file, when it was kept and is still there. */
    public Optional<Path> rawFile(SetAsideMail mail) {
        return mail.rawKept() ? Optional.of(files.pathOf(mail.mail().rawSha256())).filter(Files::isRegularFile)
                : Optional.empty();
    }

    /** Replays mail {@code id} for {@code staff}; empty when there is no such mail or it was deleted. */
    public Optional<ReplayOutcome> replay(long id, String staff) {
        Optional<SetAsideMail> mail = quarantine.find(id).filter(m -> m.state() != SetAsideState.DELETED);
        if (mail.isEmpty()) {
            return Optional.empty();
        }
        ReplayOutcome outcome = rawFile(mail.get()).isPresent() ? replay.replay(mail.get())
                : new ReplayOutcome.RawMissing();
        quarantine.noteReplay(id, outcome.handled(), outcome.text(), staff, clock.instant());
        return Optional.of(outcome);
    }

    /** Deletes mail {@code id} for {@code staff}; false when there is no such mail or it was deleted already. */
    public boolean delete(long id, String staff) {
        Optional<SetAsideMail> mail = quarantine.find(id);
        if (mail.isEmpty() || !quarantine.markDeleted(id, staff, clock.instant())) {
            return false;
        }
        String sha256 = mail.get().mail().rawSha256();
        if (!sha256.isEmpty() && !references.isReferenced(sha256)) {
            files.delete(sha256);
        }
        return true;
    }
}
