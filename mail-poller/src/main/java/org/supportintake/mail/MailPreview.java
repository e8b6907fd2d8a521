package org.supportintake.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;

import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.attachments.store.StagedFile;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.validation.IntakeValidator;
import org.supportintake.core.validation.Violation;
import org.supportintake.mail.classify.MailClassification;
import org.supportintake.mail.classify.MailClassifier;
import org.supportintake.mail.mime.MailAddress;
import org.supportintake.mail.mime.MailReader;
import org.supportintake.mail.mime.ParsedMail;

/**
 * What the mail path would make of a raw message, without a database: DESIGN.md's {@code parse}
 * object, keys in their documented order. Files go to a throw-away store. Thread-safe.
 */
public final class MailPreview {

    private static final long MAX_RAW_BYTES = 100L * 1024 * 1024;

    private final MailReader reader = new MailReader();
    private final MailClassifier classifier;
    private final IntakeValidator validator;
    private final AttachmentPolicy policy;

    public MailPreview(MailClassifier classifier, IntakeValidator validator, AttachmentPolicy policy) {
        this.classifier = classifier;
        this.validator = validator;
        this.policy = policy;
    }

    /** The report for one raw message; a message that cannot be parsed still gets one, with problems. */
    public Map<String, Object> of(InputStream raw) throws IOException {
        Path scratch = Files.createTempDirectory("intake-parse");
        try {
            FileStore store = new FileStore(scratch);
            StagedFile staged = store.stage(raw, MAX_RAW_BYTES, 0);
            if (staged.overLimit()) {
                return unreadable("message larger than " + MAX_RAW_BYTES / (1024 * 1024) + " MB");
            }
            try (var opened = reader.open(store.keep(staged))) {
                ParsedMail mail = reader.read(opened.message(), new AttachmentInspector(store).batch(policy));
                MailClassification classification = classifier.classify(opened.message(), mail.from().address());
                Requester requester = Requester.of(mail, classifier::isOwn);
                Submission submission = MailSubmission.of(mail, requester, staged.sha256(), Instant.now());
                List<String> noTicket = whyNoTicket(mail, classification, validator.validate(submission));
                return report(mail, requester, classification, noTicket);
            } catch (MessagingException e) {
                return unreadable("not a MIME message: " + e.getMessage());
            }
        } finally {
            deleteTree(scratch);
        }
    }

    /** Why the mail path would open no ticket, one English line a reason; empty when it would. */
    private static List<String> whyNoTicket(ParsedMail mail, MailClassification classification,
                                            List<Violation> violations) {
        List<String> reasons = new ArrayList<>();
        if (!mail.readable()) {
            reasons.add("no ticket: unreadable or over a reading limit, so it would be set aside in Failed");
        }
        if (classification != MailClassification.NORMAL) {
            reasons.add("no ticket: classified as " + classification.code());
        }
        for (Violation violation : violations) {
            reasons.add(violation.code().equals("description.no_content")
                    ? "no ticket: no readable text and no acceptable attachment" : "no ticket: " + violation.code());
        }
        return reasons;
    }

    private static Map<String, Object> report(ParsedMail mail, Requester requester, MailClassification classification,
                                              List<String> noTicket) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("messageId", orNull(mail.messageId()));
        report.put("from", mailbox(mail.from()));
        report.put("subject", mail.subject());
        report.put("text", mail.text());
        report.put("quoted", orNull(mail.quoted()));
        report.put("textSource", mail.textSource().code());
        report.put("inReplyTo", orNull(mail.inReplyTo()));
        report.put("references", mail.references());
        report.put("ticketReference", TicketNumber.findIn(mail.subject()).map(TicketNumber::toString).orElse(null));
        report.put("classification", classification.code());
        report.put("attachments", mail.attachments().stream().map(MailPreview::attachment).toList());
        report.put("wouldCreateTicket", noTicket.isEmpty());
        List<String> problems = new ArrayList<>(mail.problems());
        if (!requester.note().isEmpty()) {
            problems.add(requester.note());
        }
        problems.addAll(noTicket);
        report.put("problems", problems);
        return report;
    }

    private static Map<String, Object> mailbox(MailAddress mailbox) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("address", orNull(mailbox.address()));
        item.put("name", orNull(mailbox.name()));
        return item;
    }

    private static Map<String, Object> attachment(ReceivedFile file) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", file.name());
        item.put("declaredType", orNull(file.declaredType()));
        item.put("detectedType", file.inspection().detectedType());
        item.put("size", file.inspection().size());
        item.put("sha256", orNull(file.inspection().sha256()));
        item.put("verdict", file.verdict().isAccepted() ? "accepted" : "rejected");
        item.put("reason", file.rejection().map(RejectionReason::code).orElse(null));
        return item;
    }

    private static Map<String, Object> unreadable(String problem) {
        Map<String, Object> report = new LinkedHashMap<>();
        for (String key : List.of("messageId", "from", "subject", "text", "quoted", "textSource", "inReplyTo")) {
            report.put(key, key.equals("textSource") ? "none" : null);
        }
        report.put("references", List.of());
        report.put("ticketReference", null);
        report.put("classification", MailClassification.NORMAL.code());
        report.put("attachments", List.of());
        report.put("wouldCreateTicket", false);
        report.put("problems", new ArrayList<>(List.of(problem, "no ticket: the message could not be read")));
        return report;
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
