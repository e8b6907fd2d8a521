package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

import org.supportintake.attachments.policy.AttachmentBatch;
import org.supportintake.attachments.policy.ReceivedFile;

/**
 * The parts of one message that are files: named (Content-Disposition {@code filename}, else
 * Content-Type {@code name}, else the uuencode begin line, else {@code attachment-N}), decoded and
 * judged by the batch. A part that cannot be decoded is rejected as unreadable, so it is still named.
 */
final class PartFiles {

    private final AttachmentBatch batch;
    private final DecodeMonitor monitor;
    private int unnamed;

    PartFiles(AttachmentBatch batch, DecodeMonitor monitor) {
        this.batch = batch;
        this.monitor = monitor;
    }

    /** The judged file; empty for a part without name or bytes, which carries nothing. */
    Optional<ReceivedFile> receive(MimeEntity entity, String type) throws IOException {
        Optional<String> declaredName = entity.disposition().parameter("filename")
                .or(() -> entity.contentType().parameter("name"));
        if (declaredName.isEmpty() && entity.hasEmptyBody()) {
            return Optional.empty();
        }
        BodyDecoding.Damage damage = new BodyDecoding.Damage();
        Optional<InputStream> decoded = BodyDecoding.open(entity, damage);
        if (decoded.isEmpty()) {
            ReceivedFile file = batch.unreadable(declaredName.orElseGet(() -> unnamed(type)), type);
            monitor.warn("attachment \"" + file.name() + "\" has an unknown transfer encoding ("
                    + entity.transferEncoding() + ") and could not be read");
            return Optional.of(file);
        }
        try (InputStream in = decoded.get()) {
            String name = declaredName.or(() -> uuName(in)).orElseGet(() -> unnamed(type));
            if (type.equals("application/ms-tnef") || name.equalsIgnoreCase("winmail.dat")) {
                monitor.warn("winmail.dat (Outlook TNEF) attachment: the files inside it are not extracted");
            }
            ReceivedFile file = batch.receive(name, type, in);
            if (!damage.seen()) {
                return Optional.of(file);
            }
            if (file.inspection().size() == 0) {
                monitor.warn("attachment \"" + file.name() + "\" is damaged (" + entity.transferEncoding() + ") and could not be read");
                return Optional.of(batch.unreadable(name, type));
            }
            monitor.warn("attachment \"" + file.name() + "\" is damaged (" + entity.transferEncoding()
                    + "); it was read as far as it goes");
            return Optional.of(file);
        }
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
            default -> type.startsWith("image/") ? "." + type.substring(6).toLowerCase(Locale.ROOT) : ".bin";
        };
        return "attachment-" + unnamed + extension;
    }
}
