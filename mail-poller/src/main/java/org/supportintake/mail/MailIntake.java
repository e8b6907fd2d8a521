package org.supportintake.mail;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;

import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.attachments.store.ContentWriter;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.attachments.store.StagedFile;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.intake.IntakeService;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Submission;
import org.supportintake.mail.classify.BouncedMessageIds;
import org.supportintake.mail.classify.MailClassification;
import org.supportintake.mail.classify.MailClassifier;
import org.supportintake.mail.mime.MailReader;
import org.supportintake.mail.mime.ParsedMail;

/**
 * The mail path for one raw message: archive it as evidence, read it, classify it, and hand it to
 * the intake service. What a sender got wrong is set aside; what the infrastructure got wrong (the
 * database) is thrown, so the message stays in the inbox for the next poll. Thread-safe.
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

    /** Takes one message, written by {@code raw}, received at {@code receivedAt}; {@code fallbackId} names it in logs. */
    public MailResult take(ContentWriter raw, Instant receivedAt, String fallbackId) {
        StagedFile staged = store.stageWritten(raw, maxRawBytes, 0);
        if (staged.overLimit()) {
            store.discard(staged);
            return new MailResult.SetAside(fallbackId, "message larger than " + maxRawBytes / (1024 * 1024) + " MB");
        }
        var rawFile = store.keep(staged);
        Submission submission;
        List<String> bounced = List.of();
        MailClassification classification;
        try (var opened = reader.open(rawFile)) {
            ParsedMail parsed = reader.read(opened.message(), attachments.batch(policy));
            if (!parsed.readable()) {
                return new MailResult.SetAside(MailSubmission.externalId(parsed, staged.sha256()),
                        String.join("; ", parsed.problems()));
            }
            classification = classifier.classify(opened.message(), parsed.from().address());
            if (classification == MailClassification.BOUNCE) {
                bounced = BouncedMessageIds.of(opened.message());
            }
            submission = MailSubmission.of(parsed, staged.sha256(), receivedAt);
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            return new MailResult.SetAside(fallbackId, unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage());
        }
        return new MailResult.Handled(dispatch(submission, classification, bounced));
    }

    /** Records in the intake log that a message went to the failed folder. */
    public void recordSetAside(MailResult.SetAside aside) {
        intake.recordFailure(Channel.EMAIL, aside.externalId(), aside.reason());
    }

    private IntakeOutcome dispatch(Submission submission, MailClassification classification, List<String> bounced) {
        return switch (classification) {
            case NORMAL -> intake.accept(submission);
            case BOUNCE -> intake.recordBounce(submission, bounced);
            case AUTO_REPLY, LIST, OWN -> intake.ignore(submission, classification.code());
        };
    }
}
