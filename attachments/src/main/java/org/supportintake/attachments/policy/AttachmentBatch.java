package org.supportintake.attachments.policy;

import java.io.InputStream;
import java.util.List;

import org.supportintake.attachments.inspection.ArchiveEntry;
import org.supportintake.attachments.inspection.ArchiveProblem;
import org.supportintake.attachments.inspection.ArchiveScan;
import org.supportintake.attachments.inspection.ContentDetector;
import org.supportintake.attachments.inspection.DeclaredType;
import org.supportintake.attachments.inspection.EncryptedFiles;
import org.supportintake.attachments.inspection.HiddenArchive;
import org.supportintake.attachments.inspection.Inspection;
import org.supportintake.attachments.inspection.MediaTypes;
import org.supportintake.attachments.inspection.SafeFileName;
import org.supportintake.attachments.inspection.SignatureFiles;
import org.supportintake.attachments.inspection.TypeHints;
import org.supportintake.attachments.inspection.ZipWalker;
import org.supportintake.attachments.store.DeferredForce;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.attachments.store.StagedFile;

/**
 * The files of one message, judged one by one as they stream in: each is staged while it is
 * inspected, kept in the store when accepted, discarded otherwise. Count and total limits apply
 * across the batch. Not thread-safe: one batch per message.
 */
public final class AttachmentBatch {

    private final AttachmentPolicy policy;
    private final FileStore store;
    private final ContentDetector detector;
    private final ZipWalker zips;
    private final DeferredForce later;
    private int acceptedFiles;
    private long acceptedBytes;

    /** {@code later} takes the files' force to disk when given; null forces each as it is staged. */
    AttachmentBatch(AttachmentPolicy policy, FileStore store, ContentDetector detector, ZipWalker zips,
                    DeferredForce later) {
        this.later = later;
        this.policy = policy;
        this.store = store;
        this.detector = detector;
        this.zips = zips;
    }

    /** Reads {@code content} (at most one byte past the limit that applies) and judges it; does not close it. */
    public ReceivedFile receive(String rawName, String declaredType, InputStream content) {
        return receive(rawName, declaredType, content, true);
    }

    /**
     * A forwarded message kept as a file beside the files it carries, which are received one by one as well: it is
     * judged as any file against the size of one file, but takes nothing from the batch's count and total, or a
     * citizen who forwards a letter with a 6 MB scan would have the scan refused for the scan's own bytes counted
     * twice. Does not close {@code content}.
     */
    public ReceivedFile receiveCarrier(String rawName, String declaredType, InputStream content) {
        return receive(rawName, declaredType, content, false);
    }

    private ReceivedFile receive(String rawName, String declaredType, InputStream content, boolean counted) {
        String name = SafeFileName.of(rawName);
        String declared = DeclaredType.canonical(declaredType);
        if (SafeFileName.isSpoofed(rawName)) {
            return refused(name, declared, RejectionReason.SPOOFED_NAME);
        }
        if (counted && acceptedFiles >= policy.maxFiles()) {
            return refused(name, declared, RejectionReason.TOO_MANY_FILES);
        }
        long limit = counted ? Math.min(policy.maxFileSize(), policy.maxTotalSize() - acceptedBytes) : policy.maxFileSize();
        StagedFile staged = store.stage(content, limit, ContentDetector.HEADER_BYTES, later);
        boolean kept = false;
        try {
            ReceivedFile file = judge(name, declared, staged);
            if (file.verdict().isAccepted()) {
                store.keep(staged);
                kept = true;
                if (counted) {
                    acceptedFiles++;
                    acceptedBytes += staged.size();
                }
            }
            return file;
        } finally {
            if (!kept) {
                store.discard(staged);
            }
        }
    }

    /**
     * A file the message carries whose bytes could not be decoded (an unknown transfer encoding, RFC 2045
     * §6.4): rejected unread, so that the ticket and the citizen's acknowledgement still name it.
     */
    public ReceivedFile unreadable(String rawName, String declaredType) {
        return refused(SafeFileName.of(rawName), DeclaredType.canonical(declaredType), RejectionReason.UNREADABLE);
    }

    private ReceivedFile judge(String name, String declared, StagedFile staged) {
        // A general detector takes any CMS structure for a signature: an encrypted one is named as such.
        String type = EncryptedFiles.typeOf(staged.header(), staged.headerLength())
                .orElseGet(() -> detector.detect(staged.header(), staged.headerLength()));
        if (staged.size() == 0) {
            return file(name, declared, staged, Inspection.UNKNOWN_TYPE, List.of(), rejected(RejectionReason.EMPTY));
        }
        if (staged.overLimit()) {
            return file(name, declared, staged, type, List.of(), rejected(staged.size() > policy.maxFileSize()
                    ? RejectionReason.TOO_LARGE : RejectionReason.TOTAL_TOO_LARGE));
        }
        if (SafeFileName.isRunnable(name)) {
            // Saved under its name it would run (an HTA, a page, a program) whatever its bytes look like to us.
            return file(name, declared, staged, type, List.of(), rejected(RejectionReason.TYPE_NOT_ALLOWED));
        }
        List<ArchiveEntry> entries = List.of();
        if (ContentDetector.isZip(type)) {
            ArchiveScan scan = zips.walk(staged.path(), policy.archiveLimits());
            if (scan instanceof ArchiveScan.Stopped stopped) {
                return file(name, declared, staged, stopped.type(), List.of(), rejected(reasonFor(stopped.problem())));
            }
            var walked = (ArchiveScan.Walked) scan;
            type = walked.type();
            entries = walked.entries();
        }
        AttachmentVerdict verdict = verdictOn(name, declared, type, entries);
        if (verdict.isAccepted() && HiddenArchive.in(staged.path(), type)) {
            verdict = rejected(RejectionReason.POLYGLOT_FILE);
        }
        return file(name, declared, staged, type, entries, verdict);
    }

    private AttachmentVerdict verdictOn(String name, String declared, String type, List<ArchiveEntry> entries) {
        if (TypeHints.contradict(name, declared, type)) {
            return rejected(RejectionReason.CONTENT_MISMATCH);
        }
        if (!policy.allowedTypes().contains(type)) {
            return rejected(typeNotAllowed(name, declared, type));
        }
        boolean entryNotAllowed = entries.stream()
                .anyMatch(entry -> !policy.allowedArchiveEntryTypes().contains(entry.detectedType())
                        || SafeFileName.isRunnable(SafeFileName.of(entry.name())));
        return entryNotAllowed ? rejected(RejectionReason.ARCHIVE_ENTRY_NOT_ALLOWED) : AttachmentVerdict.accepted();
    }

    /** A type not taken, named as what the citizen will recognise: encrypted, a signature, or just not taken. */
    private static RejectionReason typeNotAllowed(String name, String declared, String type) {
        if (type.equals(EncryptedFiles.CMS) || type.equals(EncryptedFiles.PGP)) {
            return RejectionReason.ENCRYPTED_FILE;
        }
        return SignatureFiles.named(name, declared) ? RejectionReason.SIGNATURE_FILE : RejectionReason.TYPE_NOT_ALLOWED;
    }

    private static RejectionReason reasonFor(ArchiveProblem problem) {
        return switch (problem) {
            case CORRUPT -> RejectionReason.ARCHIVE_CORRUPT;
            case ENCRYPTED -> RejectionReason.ARCHIVE_ENCRYPTED;
            case TOO_MANY_ENTRIES -> RejectionReason.ARCHIVE_TOO_MANY_ENTRIES;
            case TOO_MUCH_INFLATED, RATIO_TOO_HIGH, TOO_DEEP -> RejectionReason.ZIP_BOMB;
            case UNSAFE_PATH -> RejectionReason.UNSAFE_ARCHIVE_PATH;
            case MACROS -> RejectionReason.MACRO_DOCUMENT;
            // A remote object or template runs as an embedded one does, only fetched when the document opens.
            case EMBEDDED_EXECUTABLE, REMOTE_OBJECT -> RejectionReason.EMBEDDED_EXECUTABLE;
            case HIDDEN_ARCHIVE -> RejectionReason.POLYGLOT_FILE;
        };
    }

    private static ReceivedFile file(String name, String declared, StagedFile staged, String type,
                                     List<ArchiveEntry> entries, AttachmentVerdict verdict) {
        return new ReceivedFile(name, declared, new Inspection(type, staged.size(), staged.sha256(), entries), verdict);
    }

    private static ReceivedFile refused(String name, String declared, RejectionReason reason) {
        return new ReceivedFile(name, declared, Inspection.unread(), rejected(reason));
    }

    private static AttachmentVerdict rejected(RejectionReason reason) {
        return AttachmentVerdict.rejected(reason);
    }
}
