package org.supportintake.mail.mime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;

import org.supportintake.attachments.policy.AttachmentBatch;
import org.supportintake.core.validation.Blank;
import org.supportintake.core.validation.ControlCharacters;

/**
 * Reads one stored email into a {@link ParsedMail}: text from text/plain, else from HTML; the
 * quoted earlier message set apart; every attachment (inline images, forwarded messages and their
 * files included) streamed into the batch. Work per message is bounded by {@link MimeLimits}. Never
 * throws for what a sender can get wrong: problems are listed instead. A fault of the file store
 * ({@code UnableToStoreAttachmentException}) or of reading the stored message
 * ({@link UnableToReadMailException}) is thrown, so the message stays for the next poll. Thread-safe.
 */
public final class MailReader {

    /** Bytes per read of the stored file: fewer system calls than the default 2 KB, for every part stream. */
    private static final int FILE_BUFFER = 16 * 1024;

    private static final Set<String> JOINED_FIELDS = Set.of("In-Reply-To", "References");
    private static final List<String> SINGLE_FIELDS = List.of("From", "Subject");

    private final Session session = Session.getInstance(mimeProperties());
    private final MimeLimits limits;
    private final Clock clock;

    public MailReader() {
        this(MimeLimits.defaults(), Clock.systemUTC());
    }

    public MailReader(MimeLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Lenient address parsing for the headers Jakarta Mail reads itself; MIME structure is read by this package. */
    public static Properties mimeProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        return properties;
    }

    /** Opens a stored raw message; parts stay in the file, so the message is never whole in the heap. */
    public OpenedMail open(Path rawMessage) throws IOException, MessagingException {
        SharedFileInputStream file = new SharedFileInputStream(rawMessage.toFile(), FILE_BUFFER);
        try {
            return new OpenedMail(new BoundedMimeMessage(session, file, limits.maxHeaderBytes()), file);
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
        DecodeMonitor monitor = new DecodeMonitor();
        if (message instanceof BoundedMimeMessage bounded) {
            bounded.reportTo(monitor);
        }
        MailParts reading = new MailParts(batch, new ReadBudget(limits, clock, monitor), monitor);
        boolean readable = walk(message, reading, monitor) && !monitor.limitCrossed();
        HiddenCharacters hidden = new HiddenCharacters(monitor);
        Headers headers = new Headers(name -> header(message, name), monitor);
        String subject = hidden.line(headers.subject(), "the subject");
        String text = hidden.text(reading.plainText(), "the text");
        TextSource source = Blank.is(text) ? TextSource.NONE : reading.hasPlainText() ? TextSource.PLAIN : TextSource.HTML;
        if (Blank.is(text) && !Blank.is(reading.htmlText())) {
            text = hidden.text(reading.htmlText(), "the text");
            source = TextSource.HTML;
        }
        if (source == TextSource.NONE) {
            text = ""; // spaces and invisible characters only: no text a reader could see
        }
        QuotedText split = QuotedText.split(text);
        noteRepeated(message, monitor);
        MailAddress sender = headers.sender();
        if (sender.address().isEmpty()) {
            sender = new MailAddress(headers.returnPath(), "");
        }
        return new ParsedMail(headers.messageId(), hidden.mailbox(headers.from(), "the sender's name"),
                hidden.mailbox(headers.replyTo(), "the Reply-To name"), hidden.mailbox(sender, "the Sender name"),
                subject, split.fresh(), split.quoted(), source, headers.inReplyTo(), headers.references(),
                reading.attachments(), monitor.problems(), readable);
    }

    /** RFC 5322 §3.6 allows one From and one Subject; a second (a broken gateway's) is not read, and this says so. */
    private static void noteRepeated(MimeMessage message, DecodeMonitor monitor) {
        for (String name : SINGLE_FIELDS) {
            String[] values = allHeaders(message, name);
            if (values.length > 1) {
                monitor.warn("the message has " + values.length + " " + name + " fields; the first was read");
            }
        }
    }

    /**
     * False when nothing of the message can be read: no body at all, or a single body in a transfer
     * encoding nobody knows. Such a message is set aside for a person rather than answered, and so
     * is one that crossed a {@link MimeLimits} limit (the caller checks that).
     */
    private static boolean walk(MimeMessage message, MailParts reading, DecodeMonitor monitor) {
        try {
            MimeEntity root = MimeEntity.of(message);
            if (!root.contentType().value().startsWith("multipart/")
                    && !BodyDecoding.knows(root)) {
                monitor.warn("message structure unreadable: the body is in an unknown transfer encoding ("
                        + root.transferEncoding() + ")");
                return false;
            }
            reading.walk(root, 0, MailParts.Mode.ALL);
            return true;
        } catch (MessagingException noContent) {
            monitor.warn("message structure unreadable: " + noContent.getMessage());
            return false;
        } catch (IOException storedFile) {
            throw new UnableToReadMailException("cannot read the stored message", storedFile);
        }
    }

    /**
     * The sender and subject of a stored message for a person who looks at it set aside; best effort: whatever goes
     * wrong reading them (the file itself included) leaves them empty, as a set-aside message may be anything.
     */
    public Headline headline(Path rawMessage) {
        try (OpenedMail opened = open(rawMessage)) {
            Headers headers = new Headers(name -> header(opened.message(), name), new DecodeMonitor());
            // Shown in the staff list of set-aside mail: no override may reorder the row there either.
            return new Headline(ControlCharacters.removedFrom(headers.from().address(), false),
                    ControlCharacters.removedFrom(headers.subject(), false));
        } catch (IOException | MessagingException | RuntimeException | StackOverflowError unreadable) { // NOPMD: description only
            return Headline.NONE;
        }
    }

    /**
     * The first occurrence of a field; threading fields, which some mailers repeat, all occurrences joined. Two
     * subjects joined would be a title nobody wrote, two From fields an address list nobody sent.
     */
    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, JOINED_FIELDS.contains(name) ? " " : null);
        } catch (MessagingException parsedAlready) {
            return null;
        }
    }

    private static String[] allHeaders(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? new String[0] : values;
        } catch (MessagingException parsedAlready) {
            return new String[0];
        }
    }
}
