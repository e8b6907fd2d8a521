package org.supportintake.mail.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.supportintake.attachments.policy.AttachmentBatch;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.core.validation.ControlCharacters;

/**
 * The parts of one message that are files: named (Content-Disposition {@code filename}, else
 * Content-Type {@code name}, else the uuencode begin line, else {@code attachment-N}), decoded and
 * judged by the batch. A part that cannot be decoded is rejected as unreadable, so it is still named.
 */
final class PartFiles {

    /**
     * A winmail.dat larger than this holds more than a mail may carry (10 MB by default): it is judged whole (and
     * refused). It is read into memory with copies of its files, so the cap also bounds the heap it takes.
     */
    private static final int MAX_TNEF_BYTES = 16 * 1024 * 1024;

    private final AttachmentBatch batch;
    private final DecodeMonitor monitor;
    private int unnamed;

    PartFiles(AttachmentBatch batch, DecodeMonitor monitor) {
        this.batch = batch;
        this.monitor = monitor;
    }

    /**
     * The judged file, or the files inside an Outlook winmail.dat; none for a part without name or bytes, which
     * carries nothing.
     */
    List<ReceivedFile> receive(MimeEntity entity, String type) throws IOException {
        return receive(entity, type, Optional.empty(), batch::receive);
    }

    /**
     * A forwarded message, kept as a file beside the files inside it, which are received on their own: it is not
     * counted with them ({@link AttachmentBatch#receiveCarrier}).
     */
    List<ReceivedFile> receiveForwarded(MimeEntity entity) throws IOException {
        return receiveForwarded(entity, "");
    }

    /** As {@link #receiveForwarded(MimeEntity)}; without a name of its own it is named by its subject, as Outlook does. */
    List<ReceivedFile> receiveForwarded(MimeEntity entity, String subject) throws IOException {
        // A subject is no path, and what would make a name look spoofed is no part of it either.
        String name = ControlCharacters.removedFrom(subject, false).replaceAll("[/\\\\:]+", " ").strip();
        return receive(entity, "message/rfc822", name.isEmpty() ? Optional.empty() : Optional.of(name + ".eml"),
                batch::receiveCarrier);
    }

    /** A picture written into the HTML ({@link EmbeddedImages}): it has no name, so it is named by its type. */
    ReceivedFile receiveEmbedded(String declaredType, byte[] bytes) {
        return batch.receive(unnamed(declaredType), declaredType, new ByteArrayInputStream(bytes));
    }

    /** How a decoded file goes to the batch: counted with the others, or as a carrier of files. */
    @FunctionalInterface
    private interface Receiver {
        ReceivedFile receive(String name, String type, InputStream in);
    }

    private List<ReceivedFile> receive(MimeEntity entity, String type, Optional<String> fallbackName, Receiver receiver)
            throws IOException {
        Optional<String> declaredName = entity.disposition().parameter("filename")
                .or(() -> entity.contentType().parameter("name")).or(() -> fallbackName);
        if (declaredName.isEmpty() && entity.hasEmptyBody()) {
            return List.of();
        }
        BodyDecoding.Damage damage = new BodyDecoding.Damage();
        Optional<InputStream> decoded = BodyDecoding.open(entity, damage);
        if (decoded.isEmpty()) {
            ReceivedFile file = batch.unreadable(declaredName.orElseGet(() -> unnamed(type)), type);
            monitor.warn("attachment \"" + file.name() + "\" has an unknown transfer encoding ("
                    + entity.transferEncoding() + ") and could not be read");
            return List.of(file);
        }
        try (InputStream in = decoded.get()) {
            String name = declaredName.or(() -> uuName(in)).orElseGet(() -> unnamed(type));
            if (isTnef(type, name)) {
                return tnef(name, type, in);
            }
            return List.of(judged(receiver.receive(name, type, in), name, type, entity, damage));
        }
    }

    private ReceivedFile judged(ReceivedFile file, String name, String type, MimeEntity entity,
                                BodyDecoding.Damage damage) {
        if (!damage.seen()) {
            return file;
        }
        if (file.inspection().size() == 0) {
            monitor.warn("attachment \"" + file.name() + "\" is damaged (" + entity.transferEncoding() + ") and could not be read");
            return batch.unreadable(name, type);
        }
        monitor.warn("attachment \"" + file.name() + "\" is damaged (" + entity.transferEncoding()
                + "); it was read as far as it goes");
        return file;
    }

    private static boolean isTnef(String type, String name) {
        return type.equals("application/ms-tnef") || type.equals("application/vnd.ms-tnef")
                || name.equalsIgnoreCase("winmail.dat");
    }

    /**
     * Outlook's winmail.dat: the files the citizen attached are inside it, so they are what is judged (a file inside
     * without bytes is still named, as unreadable). One that cannot be read, or is larger than any mail may carry,
     * is judged whole, as any other file.
     */
    private List<ReceivedFile> tnef(String name, String type, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_TNEF_BYTES + 1);
        Optional<List<OutlookTnef.TnefFile>> inside = bytes.length > MAX_TNEF_BYTES ? Optional.empty()
                : OutlookTnef.files(bytes).filter(files -> !files.isEmpty());
        if (inside.isEmpty()) {
            monitor.warn("winmail.dat (Outlook TNEF) attachment: the files inside it could not be read");
            return List.of(batch.receive(name, type, new SequenceInputStream(new ByteArrayInputStream(bytes), in)));
        }
        monitor.warn("winmail.dat (Outlook TNEF) attachment: the " + inside.get().size()
                + " file(s) inside it were taken out and judged");
        List<ReceivedFile> files = new ArrayList<>();
        for (OutlookTnef.TnefFile file : inside.get()) {
            String fileName = file.name().isBlank() ? unnamed("application/octet-stream") : file.name();
            files.add(file.data().length == 0 ? batch.unreadable(fileName, "")
                    : batch.receive(fileName, "", new ByteArrayInputStream(file.data())));
        }
        return files;
    }

    private Optional<String> uuName(InputStream in) {
        try {
            return in instanceof UuDecodedInput uu ? uu.begin() : Optional.empty();
        } catch (IOException e) {
            throw new UnableToReadMailException("cannot read the stored message", e);
        }
    }

    private String unnamed(String type) {
        unnamed++;
        String extension = switch (type) {
            case "message/rfc822" -> ".eml";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            case "text/calendar", "application/ics" -> ".ics"; // an invitation, named as calendars save it
            case "text/vcard", "text/x-vcard", "text/directory" -> ".vcf";
            default -> type.startsWith("image/") ? "." + type.substring(6).toLowerCase(Locale.ROOT) : ".bin";
        };
        return "attachment-" + unnamed + extension;
    }
}
