package org.supportintake.mail.smtp;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.supportintake.core.outbox.OutboxMessage;

/** Writes an outbox message as MIME: our From, its own Message-ID and threading headers, UTF-8 text and its HTML alternative. */
final class OutgoingMimeMessage {

    static final String SENDER_NAME = "Служба поддержки";
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final Session session;
    private final InternetAddress from;

    OutgoingMimeMessage(Session session, String fromAddress) {
        this.session = session;
        try {
            this.from = new InternetAddress(fromAddress, SENDER_NAME, UTF_8);
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException("UTF-8 is always supported", impossible);
        }
    }

    MimeMessage of(OutboxMessage message) throws MessagingException {
        var mime = new FixedIdMimeMessage(session, message.messageId());
        mime.setFrom(from);
        mime.setRecipient(Message.RecipientType.TO, RecipientAddress.of(message.recipient()));
        mime.setSubject(oneLine(message.subject()), UTF_8);
        // RFC 5322 §3.6.1: the date the message was complete, i.e. written to the outbox; retries keep it
        mime.setSentDate(Date.from(message.createdAt()));
        if (!message.inReplyTo().isBlank()) {
            mime.setHeader("In-Reply-To", oneLine(message.inReplyTo()));
        }
        if (!message.references().isEmpty()) {
            String references = message.references().stream().map(OutgoingMimeMessage::oneLine)
                    .collect(Collectors.joining(" "));
            mime.setHeader("References", MimeUtility.fold("References: ".length(), references));
        }
        // RFC 3834 §5: marks automatic mail so that well-behaved responders do not answer it; what staff wrote is not
        Optional<String> automatic = message.kind().autoSubmitted();
        if (automatic.isPresent()) {
            mime.setHeader("Auto-Submitted", automatic.get());
        }
        // Every mail: an out-of-office answer to it would come back as a follow-up and reopen the ticket
        mime.setHeader("X-Auto-Response-Suppress", "All");
        if (message.html().isEmpty()) {
            mime.setText(message.body(), UTF_8);
            mime.setHeader("Content-Transfer-Encoding", "quoted-printable");
        } else {
            mime.setContent(alternative(message));
        }
        mime.saveChanges();
        return mime;
    }

    /** RFC 2046 §5.1.4: plain text first, the richer HTML last, which clients that can show it prefer. */
    private static MimeMultipart alternative(OutboxMessage message) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.body(), UTF_8);
        text.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), UTF_8, "html");
        html.setHeader("Content-Transfer-Encoding", "quoted-printable");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        return alternative;
    }

    /** Threading ids come from citizens' mail: a line break in one must not start a header of its own. */
    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ").strip();
    }
}
