package org.supportintake.mail.classify;

import java.util.Locale;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;

/**
 * Sorts mail by its headers, asking yes/no questions in order: our own mail, a bounce, an
 * auto-reply, a mailing list; anything else is normal. Thread-safe.
 */
public final class MailClassifier {

    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon");
    private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "junk", "auto_reply");

    private final String ownAddress;

    public MailClassifier(String ownAddress) {
        this.ownAddress = ownAddress.strip().toLowerCase(Locale.ROOT);
    }

    public MailClassification classify(MimeMessage message, String fromAddress) throws MessagingException {
        if (fromAddress.equalsIgnoreCase(ownAddress)) {
            return MailClassification.OWN;
        }
        if (isBounce(message, fromAddress)) {
            return MailClassification.BOUNCE;
        }
        if (isAutoReply(message)) {
            return MailClassification.AUTO_REPLY;
        }
        return isMailingList(message) ? MailClassification.LIST : MailClassification.NORMAL;
    }

    /** RFC 3464 delivery reports, daemon senders, and the null return path of RFC 5321 §4.5.5. */
    private static boolean isBounce(MimeMessage message, String fromAddress) throws MessagingException {
        ContentType type = contentType(message);
        if (type.match("multipart/report") && "delivery-status".equalsIgnoreCase(type.getParameter("report-type"))) {
            return true;
        }
        String local = fromAddress.contains("@") ? fromAddress.substring(0, fromAddress.indexOf('@')) : fromAddress;
        return DAEMONS.contains(local.toLowerCase(Locale.ROOT))
                || "<>".equals(first(message, "Return-Path").replace(" ", ""))
                || !first(message, "X-Failed-Recipients").isEmpty();
    }

    /** RFC 3834 Auto-Submitted, the de-facto X-Autoreply headers, Precedence, and read receipts (RFC 8098). */
    private static boolean isAutoReply(MimeMessage message) throws MessagingException {
        String autoSubmitted = first(message, "Auto-Submitted").toLowerCase(Locale.ROOT);
        return !autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no")
                || !first(message, "X-Autoreply").isEmpty()
                || !first(message, "X-Autorespond").isEmpty()
                || !first(message, "X-Autoresponder").isEmpty()
                || AUTOMATIC_PRECEDENCE.contains(first(message, "Precedence").toLowerCase(Locale.ROOT))
                || contentType(message).match("multipart/report")
                && "disposition-notification".equalsIgnoreCase(contentType(message).getParameter("report-type"));
    }

    /** RFC 2919 List-Id, and Precedence: list. */
    private static boolean isMailingList(MimeMessage message) throws MessagingException {
        return !first(message, "List-Id").isEmpty()
                || "list".equalsIgnoreCase(first(message, "Precedence"))
                || !first(message, "Mailing-List").isEmpty();
    }

    private static String first(MimeMessage message, String header) throws MessagingException {
        String value = message.getHeader(header, null);
        return value == null ? "" : value.strip();
    }

    private static ContentType contentType(MimeMessage message) throws MessagingException {
        try {
            return new ContentType(message.getContentType());
        } catch (MessagingException | RuntimeException malformed) {
            return new ContentType("text/plain");
        }
    }
}
