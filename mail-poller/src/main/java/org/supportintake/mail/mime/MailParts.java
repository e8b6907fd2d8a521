package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedByteArrayInputStream;

import org.supportintake.attachments.policy.AttachmentBatch;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.core.validation.Blank;

/**
 * The walk over one message's MIME tree: collects text parts and sends every file to the batch.
 * Depth is counted across forwarded messages and checked before descending; parts and time come
 * from one {@link ReadBudget}. What the sender got wrong goes to the {@link DecodeMonitor}; a fault
 * of the file store or of reading the stored message is thrown. Not thread-safe.
 */
final class MailParts {

    /** What a branch of the tree contributes: everything, or (another rendering of the text) its files and HTML only. */
    enum Mode { ALL, ALTERNATIVE }

    private static final Set<String> MACHINERY = Set.of("message/delivery-status", "text/rfc822-headers",
            "message/feedback-report", "message/disposition-notification", "application/pgp-encrypted");

    private static final Set<String> OPAQUE_SIGNED = Set.of("application/pkcs7-mime", "application/x-pkcs7-mime");
    /**
     * A signed message larger than this holds more than a mail may carry (10 MB by default): it stays a file (and is
     * refused). It is read into memory with a copy of its content, so the cap also bounds the heap it takes.
     */
    private static final int MAX_SIGNED_BYTES = 16 * 1024 * 1024;

    private final PartFiles files;
    private final ReadBudget budget;
    private final DecodeMonitor monitor;
    private final TextParts text;
    private final List<ReceivedFile> attachments;
    private final MimeLimits limits;

    MailParts(AttachmentBatch batch, ReadBudget budget, DecodeMonitor monitor) {
        this(new PartFiles(batch, monitor), budget, monitor, new TextParts(budget.limits().maxTextBytes(), monitor),
                new ArrayList<>());
    }

    private MailParts(PartFiles files, ReadBudget budget, DecodeMonitor monitor, TextParts text,
                      List<ReceivedFile> attachments) {
        this.files = files;
        this.budget = budget;
        this.monitor = monitor;
        this.text = text;
        this.attachments = attachments;
        this.limits = budget.limits();
    }

    void walk(MimeEntity entity, int depth, Mode mode) throws IOException {
        if (budget.exhausted()) {
            return;
        }
        if (depth > limits.maxDepth()) {
            monitor.overLimit("MIME parts nested deeper than " + limits.maxDepth()
                    + " levels (forwarded messages included) were not read");
            return;
        }
        String type = entity.contentType().value();
        if (entity.hasMisspeltTransferEncoding()) {
            String declared = entity.header("Content-Transfer-Encoding").replace("\"", "");
            monitor.warn("a " + type + " part declares the transfer encoding \""
                    + declared.substring(0, Math.min(declared.length(), 40)) + "\"; it was read as "
                    + entity.transferEncoding());
        }
        if (type.startsWith("multipart/")) {
            new MultipartWalk(this, entity, depth, mode).walk();
        } else if (type.equals("message/rfc822") || type.equals("message/global")) {
            forwarded(entity, depth, mode);
        } else if (OPAQUE_SIGNED.contains(type)) {
            opaqueSigned(entity, depth, mode, type);
        } else if (MACHINERY.contains(type)) {
            return; // report machinery (RFC 3464, RFC 5965, RFC 8098) or PGP/MIME's «Version: 1» (RFC 3156), not a file
        } else if ((type.equals("text/plain") || type.equals("text/html")) && !isAttachment(entity)) {
            if (mode == Mode.ALL || type.equals("text/html")) {
                readText(entity, type, mode == Mode.ALL);
            }
        } else if (mode == Mode.ALL || !type.startsWith("text/")) {
            attach(entity, type);
        }
    }

    /** A part whose body the multipart walk could not split: its text is read as plain text. */
    void readAsPlainText(MimeEntity entity) throws IOException {
        readText(entity, "text/plain", true);
    }

    /**
     * A multipart's preamble or epilogue ({@code where}): what a person wrote there is added to the text and noted, so
     * a client that puts the body outside the parts loses nothing; a mailer's note for readers without MIME («This is a
     * multi-part message in MIME format.») and blank lines are no text.
     */
    void readOutsideParts(InputStream in, String where) throws IOException {
        String outside = text.decodeOutside(in);
        if (!Blank.is(outside) && !MimeNotice.is(outside)) {
            text.addPlain(outside);
            monitor.warn("text in a multipart's " + where + ", outside its parts, was read as part of the message");
        }
    }

    private void readText(MimeEntity entity, String type, boolean main) throws IOException {
        BodyDecoding.Damage damage = new BodyDecoding.Damage();
        Optional<InputStream> decoded = BodyDecoding.open(entity, damage);
        if (decoded.isEmpty()) {
            attach(entity, type);
            return;
        }
        try (InputStream in = decoded.get()) {
            String read = text.add(type, in, entity.contentType(), main);
            if (type.equals("text/html")) {
                embeddedImages(read);
            }
        }
        if (damage.seen()) {
            monitor.warn("a " + type + " part has damaged " + entity.transferEncoding() + "; the text was read as far as it goes");
        }
    }

    /** Pictures pasted into the HTML as data: URIs are files of the message too; each takes a part from the budget. */
    private void embeddedImages(String html) {
        for (EmbeddedImages.Image image : EmbeddedImages.in(html, monitor)) {
            if (!budget.takePart()) {
                return;
            }
            attachments.add(files.receiveEmbedded(image.declaredType(), image.bytes()));
        }
    }

    /** A forwarded message: its text shown, its own files judged, and itself kept as a file when that is safe. */
    private void forwarded(MimeEntity entity, int depth, Mode mode) throws IOException {
        if (depth + 1 > limits.maxDepth()) {
            attachments.addAll(files.receiveForwarded(entity));
            monitor.overLimit("MIME parts nested deeper than " + limits.maxDepth()
                    + " levels (forwarded messages included) were not read");
            return;
        }
        Optional<SharedInputStream> body = forwardedBody(entity);
        if (body.isEmpty()) {
            attachments.addAll(files.receiveForwarded(entity));
            return;
        }
        int carrierAt = attachments.size();
        MimeEntity inner = MimeEntity.read(body.get(), "text/plain", limits.maxHeaderBytes(), monitor);
        TextParts innerText = text.nested();
        new MailParts(files, budget, monitor, innerText, attachments).walk(inner, depth + 1, mode);
        Headers headers = new Headers(inner.headers(), monitor);
        keepForwarded(entity, carrierAt, headers.subject());
        if (mode == Mode.ALL) {
            text.addPlain("---------- Пересланное сообщение ----------\nОт: " + headers.from().name() + " <"
                    + headers.from().address() + ">\nТема: " + headers.subject() + "\n\n" + innerText.best());
        }
    }

    /**
     * The forwarded message as a file beside the files read from it, in its place before them. Not kept when a file
     * inside it was refused (the refused bytes would reach staff inside the kept letter) or when it is larger than one
     * file may be: then it is not named to the citizen as refused either, since its text and files were taken and
     * each refused file is named on its own; a problem says why it is not there.
     */
    private void keepForwarded(MimeEntity entity, int carrierAt, String subject) throws IOException {
        List<ReceivedFile> inside = attachments.subList(carrierAt, attachments.size());
        Optional<ReceivedFile> refused = inside.stream().filter(file -> !file.verdict().isAccepted()).findFirst();
        if (refused.isPresent()) {
            monitor.warn("a forwarded message was not kept as a file of its own: it carries \""
                    + refused.get().name() + "\", which was not accepted; its text and accepted files were taken");
            return;
        }
        List<ReceivedFile> carrier = files.receiveForwarded(entity, subject);
        boolean tooLarge = carrier.size() == 1
                && carrier.get(0).rejection().filter(reason -> reason == RejectionReason.TOO_LARGE).isPresent();
        if (tooLarge) {
            monitor.warn("the forwarded message \"" + carrier.get(0).name() + "\" is larger than one file may be, so it"
                    + " was not kept as a file of its own; its text and files were taken");
            return;
        }
        attachments.addAll(carrierAt, carrier);
    }

    /**
     * An S/MIME message signed "opaque" (RFC 8551 §3.5.2; Outlook with a КЭП when clear signing is off): the citizen's
     * text and files are inside the signature, so they are read as this message's own. An encrypted one, or one that
     * cannot be read, stays a file that is named and refused.
     */
    private void opaqueSigned(MimeEntity entity, int depth, Mode mode, String type) throws IOException {
        Optional<InputStream> decoded = BodyDecoding.open(entity, new BodyDecoding.Damage());
        Optional<byte[]> content = Optional.empty();
        if (decoded.isPresent()) {
            try (InputStream in = decoded.get()) {
                byte[] cms = in.readNBytes(MAX_SIGNED_BYTES + 1);
                content = cms.length > MAX_SIGNED_BYTES ? Optional.empty() : SignedContent.of(cms);
            }
        }
        if (content.isEmpty() || depth + 1 > limits.maxDepth()) {
            attach(entity, type);
            return;
        }
        monitor.warn("an opaque S/MIME signed part (" + type + ") was read from inside its signature;"
                + " the signature was not checked");
        walk(MimeEntity.read(new SharedByteArrayInputStream(content.get()), "text/plain", limits.maxHeaderBytes(),
                monitor), depth + 1, mode);
    }

    /** RFC 2046 §5.2.1 allows no encoding of message/rfc822, but some mailers base64 it anyway. */
    private Optional<SharedInputStream> forwardedBody(MimeEntity entity) throws IOException {
        if (entity.isIdentityEncoded()) {
            return Optional.of(entity.sharedBody());
        }
        Optional<InputStream> decoded = BodyDecoding.open(entity, new BodyDecoding.Damage());
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = decoded.get()) {
            return Optional.of(new SharedByteArrayInputStream(in.readNBytes(limits.maxTextBytes())));
        }
    }

    private void attach(MimeEntity entity, String type) throws IOException {
        attachments.addAll(files.receive(entity, type));
    }

    private static boolean isAttachment(MimeEntity entity) {
        return entity.disposition().value().equals("attachment");
    }

    ReadBudget budget() {
        return budget;
    }

    DecodeMonitor monitor() {
        return monitor;
    }

    String plainText() {
        return text.plain();
    }

    boolean hasPlainText() {
        return text.hasPlain();
    }

    String htmlText() {
        return text.html();
    }

    List<ReceivedFile> attachments() {
        return attachments;
    }
}
