package org.supportintake.mail.classify;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.supportintake.mail.mime.ContentHeader;
import org.supportintake.mail.mime.HeaderText;

/**
 * Sorts mail by its headers, asking yes/no questions in order: our own mail, a delivery or feedback
 * report, a bounce in plain text, an auto-reply, a null return path, a mailing list; anything else
 * is normal, and becomes a ticket: when in doubt, a citizen's mail is not thrown away. Thread-safe.
 */
public final class MailClassifier {

    private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "junk", "auto_reply");
    private static final List<String> OUT_OF_OFFICE_PREFIXES = List.of("автоматический ответ:", "автоответ:",
            "automatic reply:", "autoreply:", "out of office:", "out of office reply:");

    private final String ownAddress;

    public MailClassifier(String ownAddress) {
        this.ownAddress = ownAddress.strip().toLowerCase(Locale.ROOT);
    }

    /** True for the address our own mail comes from, whatever its case. */
    public boolean isOwn(String address) {
        return address.strip().equalsIgnoreCase(ownAddress);
    }

    public MailClassification classify(MimeMessage message, String fromAddress) throws MessagingException {
        if (fromAddress.equalsIgnoreCase(ownAddress)) {
            return MailClassification.OWN;
        }
        if (isReport(message, "delivery-status") || isPlainTextBounce(message, fromAddress)) {
            return MailClassification.BOUNCE;
        }
        if (isReport(message, "feedback-report") || isAutoReply(message)) {
            // RFC 5965 feedback reports are automatic and about mail we sent, but it was delivered:
            // not a bounce (that would mark the acknowledgement undeliverable), and never a ticket.
            return MailClassification.AUTO_REPLY;
        }
        if ("<>".equals(first(message, "Return-Path").replace(" ", ""))) {
            return MailClassification.BOUNCE; // RFC 5321 §4.5.5: the null path is for notifications
        }
        return isMailingList(message) ? MailClassification.LIST : MailClassification.NORMAL;
    }

    /** RFC 6522 multipart/report of the given type (RFC 3464 delivery status, RFC 5965 feedback). */
    private static boolean isReport(MimeMessage message, String reportType) throws MessagingException {
        ContentHeader type = ContentHeader.parse(first(message, "Content-Type"), "text/plain");
        return type.value().equals("multipart/report")
                && type.parameter("report-type").filter(reportType::equalsIgnoreCase).isPresent();
    }

    /**
     * Daemon senders, X-Failed-Recipients, Exchange's own NDR mark, or an automated sender whose subject or opening
     * sentence is a bounce's. A bounce subject alone is not enough: a citizen may write «Не удалось доставить
     * документы», and that mail must become a ticket.
     */
    private static boolean isPlainTextBounce(MimeMessage message, String fromAddress) throws MessagingException {
        return BounceSigns.fromDaemon(fromAddress)
                || !first(message, "X-Failed-Recipients").isEmpty()
                || message.getHeader("X-MS-Exchange-Message-Is-Ndr") != null
                || (BounceSigns.fromAutomatedSender(fromAddress) || isAutoReply(message))
                && (BounceSigns.hasBounceSubject(HeaderText.decode(first(message, "Subject")))
                        || BounceSigns.opensLikeABounce(message));
    }

    /**
     * RFC 3834 Auto-Submitted, the de-facto X-Autoreply headers, Precedence, and read receipts (RFC 8098). List
     * software marks every post {@code Precedence: bulk} too; with a List-Id that is a list's post, not an auto-reply.
     */
    private static boolean isAutoReply(MimeMessage message) throws MessagingException {
        String autoSubmitted = first(message, "Auto-Submitted").toLowerCase(Locale.ROOT);
        return !autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no")
                || !first(message, "X-Autoreply").isEmpty()
                || !first(message, "X-Autorespond").isEmpty()
                || !first(message, "X-Autoresponder").isEmpty()
                || AUTOMATIC_PRECEDENCE.contains(first(message, "Precedence").toLowerCase(Locale.ROOT))
                        && first(message, "List-Id").isEmpty()
                || isReport(message, "disposition-notification")
                || isOutOfOffice(message);
    }

    /**
     * Outlook's out-of-office reply from a client rule or an older Exchange, which may carry no Auto-Submitted: its
     * subject prefix («Автоматический ответ:», «Automatic reply:») together with Outlook's X-Auto-Response-Suppress.
     * Neither alone: a citizen may write such a subject, and Outlook sets the header on other mail too.
     */
    private static boolean isOutOfOffice(MimeMessage message) throws MessagingException {
        String subject = HeaderText.decode(first(message, "Subject")).strip().toLowerCase(Locale.ROOT);
        return OUT_OF_OFFICE_PREFIXES.stream().anyMatch(subject::startsWith)
                && !first(message, "X-Auto-Response-Suppress").isEmpty();
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
}
