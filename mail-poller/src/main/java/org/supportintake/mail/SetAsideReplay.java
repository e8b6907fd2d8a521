package org.supportintake.mail;

import java.io.IOException;
import java.io.InputStream;

import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.quarantine.MailReplay;
import org.supportintake.core.quarantine.ReplayOutcome;
import org.supportintake.core.quarantine.SetAsideMail;

/**
 * {@link MailReplay} through {@link MailIntake#take}: the archived raw message is read, classified and handed to the
 * intake service exactly as a polled one, dated when it was received. Thread-safe.
 */
public final class SetAsideReplay implements MailReplay {

    private final MailIntake intake;
    private final FileStore store;

    public SetAsideReplay(MailIntake intake, FileStore store) {
        this.intake = intake;
        this.store = store;
    }

    @Override
    public ReplayOutcome replay(SetAsideMail mail) {
        String sha256 = mail.mail().rawSha256();
        if (!mail.rawKept() || !java.nio.file.Files.isRegularFile(store.pathOf(sha256))) {
            return new ReplayOutcome.RawMissing();
        }
        MailResult result = intake.take(out -> {
            try (InputStream raw = store.open(sha256)) {
                raw.transferTo(out);
            }
        }, mail.mail().receivedAt(), mail.mail().externalId());
        return outcome(result);
    }

    private static ReplayOutcome outcome(MailResult result) {
        if (result instanceof MailResult.Handled handled) {
            return outcome(handled.outcome());
        }
        if (result instanceof MailResult.SetAside aside) {
            return new ReplayOutcome.SetAsideAgain(aside.reason());
        }
        if (result instanceof MailResult.Broken broken) {
            return new ReplayOutcome.SetAsideAgain(broken.reason());
        }
        return new ReplayOutcome.TryLater(((MailResult.Deferred) result).reason());
    }

    private static ReplayOutcome outcome(IntakeOutcome outcome) {
        if (outcome instanceof IntakeOutcome.Created created) {
            return new ReplayOutcome.Created(created.ticketNumber());
        }
        if (outcome instanceof IntakeOutcome.FollowUp followUp) {
            return new ReplayOutcome.FollowUp(followUp.ticketNumber());
        }
        if (outcome instanceof IntakeOutcome.Duplicate duplicate) {
            return new ReplayOutcome.Duplicate(duplicate.ticketNumber());
        }
        if (outcome instanceof IntakeOutcome.Ignored ignored) {
            return new ReplayOutcome.Ignored(ignored.reason());
        }
        return new ReplayOutcome.Ignored("invalid");
    }
}
