package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;

import org.supportintake.attachments.policy.AttachmentBatch;

/**
 * Reads one stored email into a {@link ParsedMail}: text from text/plain, else from HTML; the
 * quoted earlier message set apart; every attachment (inline images, forwarded messages and their
 * files included) streamed into the batch. Never throws for what a sender can get wrong: problems
 * are listed instead. Thread-safe.
 */
public final class MailReader {

    private final Session session = Session.getInstance(mimeProperties());

    /** Lenient parsing, as mail in the wild needs (Jakarta Mail's mail.mime.* settings). */
    public static Properties mimeProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.base64.ignoreerrors", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        return properties;
    }

    /** Opens a stored raw message; parts stay in the file, so the message is never whole in the heap. */
    public OpenedMail open(Path rawMessage) throws IOException, MessagingException {
        SharedFileInputStream file = new SharedFileInputStream(rawMessage.toFile());
        try {
            return new OpenedMail(new MimeMessage(session, file), file);
        } catch (MessagingException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** A message read from a stored file; closing it releases the file. */
    public record OpenedMail(MimeMessage message, SharedFileInputStream file) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    public ParsedMail read(MimeMessage message, AttachmentBatch batch) {
        var reading = new MailParts(session, batch);
        boolean readable = reading.walkRoot(message);
        String text = reading.plainText();
        TextSource source = text.isBlank() ? TextSource.NONE : TextSource.PLAIN;
        if (text.isBlank() && !reading.htmlText().isBlank()) {
            text = reading.htmlText();
            source = TextSource.HTML;
        }
        QuotedText split = QuotedText.split(text);
        Headers headers = new Headers(message, reading.problems());
        return new ParsedMail(headers.messageId(), headers.from(), headers.subject(), split.fresh(), split.quoted(),
                source, headers.inReplyTo(), headers.references(), reading.attachments(), reading.problems(), readable);
    }

    static String baseType(Part part) {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(java.util.Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    static String charset(Part part) {
        try {
            String charset = new ContentType(part.getContentType()).getParameter("charset");
            return charset == null ? "" : charset;
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    static byte[] readAtMost(Part part, int limit, List<String> problems) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(limit);
            if (in.read() >= 0) {
                problems.add("text part longer than " + limit + " bytes was cut");
            }
            return bytes;
        }
    }
}
