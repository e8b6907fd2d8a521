package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.supportintake.attachments.policy.AttachmentBatch;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.store.UnableToStoreAttachmentException;

/** The walk over one message's MIME tree: collects text parts and sends every file to the batch. */
final class MailParts {

    private static final int MAX_DEPTH = 20;
    private static final int MAX_TEXT_BYTES = 4 * 1024 * 1024;

    private final Session session;
    private final AttachmentBatch batch;
    private final List<String> plain = new ArrayList<>();
    private final List<String> html = new ArrayList<>();
    private final List<ReceivedFile> attachments = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int unnamed;

    MailParts(Session session, AttachmentBatch batch) {
        this.session = session;
        this.batch = batch;
    }

    /** Walks the whole message; false when its structure could not be read at all. */
    boolean walkRoot(MimeMessage message) {
        try {
            walk(message, 0);
            return true;
        } catch (UnableToStoreAttachmentException storeFault) {
            throw storeFault; // the file store's fault, not the message's: it stays in the inbox
        } catch (MessagingException | IOException | RuntimeException e) {
            problems.add("message structure unreadable: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }

    private void walk(Part part, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            problems.add("MIME parts nested deeper than " + MAX_DEPTH + " were skipped");
            return;
        }
        String type = MailReader.baseType(part);
        if (type.equals("multipart/alternative")) {
            walkAlternative((Multipart) part.getContent(), depth);
        } else if (type.startsWith("multipart/")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                walkChild(parts.getBodyPart(i), depth);
            }
        } else if (type.equals("message/rfc822")) {
            forwarded(part, depth);
        } else if (type.equals("message/delivery-status") || type.equals("text/rfc822-headers")) {
            return; // report machinery of a bounce (RFC 3464), not a citizen's file
        } else if ((type.equals("text/plain") || type.equals("text/html")) && !isAttachment(part)) {
            String text = CyrillicText.decode(MailReader.readAtMost(part, MAX_TEXT_BYTES, problems), MailReader.charset(part))
                    .replace("\r\n", "\n").replace('\r', '\n');
            (type.equals("text/plain") ? plain : html).add(type.equals("text/plain") ? text : HtmlText.toText(text));
        } else {
            attach(part, type);
        }
    }

    /** A broken part costs only itself. */
    private void walkChild(Part child, int depth) {
        try {
            walk(child, depth + 1);
        } catch (UnableToStoreAttachmentException storeFault) {
            throw storeFault;
        } catch (MessagingException | IOException | RuntimeException e) {
            problems.add("a MIME part could not be read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** RFC 2046 §5.1.4: the alternatives say the same; take plain text when there is some, else the richest. */
    private void walkAlternative(Multipart alternatives, int depth) throws MessagingException {
        int chosen = alternatives.getCount() - 1;
        for (int i = 0; i < alternatives.getCount(); i++) {
            if (MailReader.baseType(alternatives.getBodyPart(i)).equals("text/plain")) {
                chosen = i;
            }
        }
        if (chosen >= 0) {
            walkChild(alternatives.getBodyPart(chosen), depth);
        }
    }

    /** A forwarded message: kept as a file, its text shown, its own files judged too. */
    private void forwarded(Part part, int depth) throws MessagingException, IOException {
        attach(part, "message/rfc822");
        if (part.getContent() instanceof MimeMessage inner) {
            Headers headers = new Headers(inner, problems);
            MailParts nested = new MailParts(session, batch);
            nested.walkRoot(inner);
            String body = nested.plainText().isBlank() ? nested.htmlText() : nested.plainText();
            plain.add("---------- Пересланное сообщение ----------\nОт: " + headers.from().name() + " <"
                    + headers.from().address() + ">\nТема: " + headers.subject() + "\n\n" + body);
            attachments.addAll(nested.attachments);
            problems.addAll(nested.problems);
        }
    }

    private void attach(Part part, String type) throws MessagingException, IOException {
        String name = fileName(part, type);
        if (type.equals("application/ms-tnef") || name.equalsIgnoreCase("winmail.dat")) {
            problems.add("winmail.dat (Outlook TNEF) attachment: the files inside it are not extracted");
        }
        try (InputStream content = part.getInputStream()) {
            attachments.add(batch.receive(name, type, content));
        }
    }

    private String fileName(Part part, String type) {
        String name = null;
        try {
            name = part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            problems.add("an attachment's file name could not be decoded");
        }
        if (name != null && !name.isBlank()) {
            return name.contains("=?") || name.chars().anyMatch(c -> c >= 0x80 && c <= 0xFF) ? HeaderText.decode(name) : name;
        }
        unnamed++;
        String extension = type.equals("message/rfc822") ? ".eml" : type.startsWith("image/")
                ? "." + type.substring(6).toLowerCase(Locale.ROOT) : ".bin";
        return "attachment-" + unnamed + extension;
    }

    private static boolean isAttachment(Part part) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        } catch (MessagingException | RuntimeException e) {
            return false;
        }
    }

    String plainText() {
        return String.join("\n\n", plain).strip();
    }

    String htmlText() {
        return String.join("\n\n", html).strip();
    }

    List<ReceivedFile> attachments() {
        return attachments;
    }

    List<String> problems() {
        return problems;
    }
}
