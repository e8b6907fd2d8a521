package org.supportintake.mail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;

import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.attachments.store.ContentWriter;
import org.supportintake.attachments.store.DeferredForce;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.attachments.store.StagedFile;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.intake.IntakeService;
import org.supportintake.core.quarantine.NewSetAside;
import org.supportintake.core.submission.Submission;
import org.supportintake.mail.classify.BouncedMessageIds;
import org.supportintake.mail.classify.MailClassification;
import org.supportintake.mail.classify.MailClassifier;
import org.supportintake.mail.mime.MailReader;
import org.supportintake.mail.mime.ParsedMail;
import org.supportintake.mail.mime.UnableToReadMailException;

/**
 * The mail path for one raw message: archive it as evidence, read it, classify it, and hand it to
 * the intake service. What belongs to the message is set aside; what the infrastructure got wrong
 * (the database, the file store, the mail server) is thrown, so the message stays in the inbox for
 * the next poll. Thread-safe.
 */
public final class MailIntake {

    private final FileStore store;
    private final AttachmentInspector attachments;
    private final AttachmentPolicy policy;
    private final MailReader reader;
    private final MailClassifier classifier;
    private final IntakeService intake;
    private final long maxRawBytes;

    public MailIntake(FileStore store, AttachmentInspector attachments, AttachmentPolicy policy, MailReader reader,
                      MailClassifier classifier, IntakeService intake, long maxRawBytes) {
        this.store = store;
        this.attachments = attachments;
        this.policy = policy;
        this.reader = reader;
        this.classifier = classifier;
        this.intake = intake;
        this.maxRawBytes = maxRawBytes;
    }

    /**
     * Takes one message, written by {@code raw}, received at {@code receivedAt}; {@code fallbackId}
     * names it until its own id is known. Whatever reading or storing this one message throws, a
     * stack overflow included, is contained in the result; only an infrastructure fault (and a JVM
     * in doubt) is thrown, so that the message stays in the inbox ({@link FailureKind}).
     */
    public MailResult take(ContentWriter raw, Instant receivedAt, String fallbackId) {
        return take(prepare(stage(raw, null), receivedAt, fallbackId, null));
    }

    /**
     * The first step of {@link #take(ContentWriter, Instant, String)}, which may run ahead on another thread: the raw
     * message into the store's staging area (writing stops past the size limit). With {@code later}, the force to
     * disk waits for it.
     */
    public StagedFile stage(ContentWriter raw, DeferredForce later) {
        return store.stageWritten(raw, maxRawBytes, 0, later);
    }

    /** Files of a batch of messages whose force to disk waits for one {@link DeferredForce#force()} before the commit. */
    public DeferredForce deferredForce() {
        return store.deferredForce();
    }

    /**
     * The second step, which may run ahead on another thread too: the staged message kept, read and classified
     * (its attachments stored), touching no database. Its files wait for {@code later}'s force when it is given
     * (which must come before the commit). Contained and thrown as {@link #take(ContentWriter, Instant, String)}.
     */
    public Prepared prepare(StagedFile staged, Instant receivedAt, String fallbackId, DeferredForce later) {
        if (staged.overLimit()) {
            // The start of the message is staged: enough for its sender and subject, not kept.
            RawMail over = new RawMail("", staged.size(), reader.headline(staged.path()));
            store.discard(staged);
            return new Prepared(new MailResult.SetAside(fallbackId,
                    "message larger than " + maxRawBytes / (1024 * 1024) + " MB", over), null, null, staged);
        }
        var rawFile = store.keep(staged);
        Reading reading;
        try {
            reading = read(rawFile, staged.sha256(), receivedAt, later);
        } catch (Throwable failure) { // NOPMD: one message must never stall a mailbox
            return new Prepared(contained(fallbackId, failure, kept(rawFile, staged)), null, rawFile, staged);
        }
        if (reading instanceof Unreadable unreadable) {
            return new Prepared(new MailResult.SetAside(unreadable.externalId(), unreadable.reason(),
                    kept(rawFile, staged)), null, rawFile, staged);
        }
        return new Prepared(null, (Readable) reading, rawFile, staged);
    }

    /** The last step, in the caller's transaction: the prepared message handed to the intake service. */
    public MailResult take(Prepared prepared) {
        if (prepared.result != null) {
            return prepared.result;
        }
        Readable mail = prepared.mail;
        try {
            return new MailResult.Handled(dispatch(mail.submission(), mail.classification(), mail.bounced()));
        } catch (Throwable failure) { // NOPMD: as above
            return contained(mail.submission().externalId(), failure, kept(prepared.rawFile, prepared.staged));
        }
    }

    /** A message {@link #prepare prepared}: its result already (set aside, broken, deferred), or read and classified. */
    public static final class Prepared {
        private final MailResult result;
        private final Readable mail;
        private final Path rawFile;
        private final StagedFile staged;

        private Prepared(MailResult result, Readable mail, Path rawFile, StagedFile staged) {
            this.result = result;
            this.mail = mail;
            this.rawFile = rawFile;
            this.staged = staged;
        }
    }

    /** Group commit of a batch: see {@link IntakeService#inOneCommit}. */
    public <T> T inOneCommit(Supplier<T> work) {
        return intake.inOneCommit(work);
    }

    /**
     * Records that a message went to the failed folder: its {@code mail_failed} event and its row in the quarantine,
     * with where its raw bytes are kept; {@code mailbox} names the mailbox it came from.
     */
    public long recordSetAside(String mailbox, Instant receivedAt, String externalId, String reason, RawMail raw) {
        return intake.recordSetAside(new NewSetAside(receivedAt, mailbox, externalId, raw.headline().sender(),
                raw.headline().subject(), raw.size(), raw.sha256(), reason));
    }

    private RawMail kept(Path rawFile, StagedFile staged) {
        return new RawMail(staged.sha256(), staged.size(), reader.headline(rawFile));
    }

    private Reading read(Path rawFile, String rawSha256, Instant receivedAt, DeferredForce later)
            throws MessagingException {
        try (var opened = reader.open(rawFile)) {
            ParsedMail parsed = reader.read(opened.message(),
                    later == null ? attachments.batch(policy) : attachments.batch(policy, later));
            if (!parsed.readable()) {
                return new Unreadable(MailSubmission.externalId(parsed, rawSha256), String.join("; ", parsed.problems()));
            }
            MailClassification classification = classifier.classify(opened.message(), parsed.from().address());
            List<String> bounced = classification == MailClassification.BOUNCE
                    ? BouncedMessageIds.of(opened.message()) : List.of();
            Requester requester = Requester.of(parsed, classifier::isOwn);
            return new Readable(MailSubmission.of(parsed, requester, rawSha256, receivedAt), classification, bounced);
        } catch (IOException storedFile) {
            throw new UnableToReadMailException("cannot read the stored message", storedFile); // the store's fault, not the sender's
        }
    }

    private static MailResult contained(String externalId, Throwable failure, RawMail raw) {
        return switch (FailureKind.of(failure)) {
            case INFRASTRUCTURE, FATAL -> throw rethrown(failure);
            case TRANSIENT -> new MailResult.Deferred(externalId, FailureKind.describe(failure), failure, raw);
            case MESSAGE -> new MailResult.Broken(externalId, FailureKind.describe(failure), failure, raw);
        };
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(failure);
    }

    /** A message read and classified, or found unreadable. */
    private sealed interface Reading permits Readable, Unreadable {
    }

    private record Readable(Submission submission, MailClassification classification, List<String> bounced)
            implements Reading {
    }

    private record Unreadable(String externalId, String reason) implements Reading {
    }

    private IntakeOutcome dispatch(Submission submission, MailClassification classification, List<String> bounced) {
        return switch (classification) {
            case NORMAL -> intake.accept(submission);
            case BOUNCE -> intake.recordBounce(submission, bounced);
            case AUTO_REPLY, LIST, OWN -> intake.ignore(submission, classification.code());
        };
    }
}
