package org.supportintake.mail;

import java.time.Instant;

import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.EmailFacts;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.mail.mime.ParsedMail;

/** An email as a {@link Submission}: its Message-ID (or the raw bytes' hash) is the external id. */
public final class MailSubmission {

    private MailSubmission() {
    }

    public static Submission of(ParsedMail mail, String rawSha256, Instant receivedAt) {
        var builder = Submission.builder(Channel.EMAIL, externalId(mail, rawSha256), receivedAt)
                .sender(mail.from().address(), mail.from().name(), "")
                .subject(mail.subject())
                .text(mail.text())
                .previousTicket(TicketNumber.findIn(mail.subject()).map(TicketNumber::toString).orElse(""))
                .emailFacts(new EmailFacts(mail.messageId(), mail.inReplyTo(), mail.references(), mail.quoted(),
                        rawSha256, mail.problems()));
        mail.attachments().forEach(builder::attachment);
        return builder.build();
    }

    /** A message without a Message-ID is known by its bytes: the same bytes delivered twice are one message. */
    public static String externalId(ParsedMail mail, String rawSha256) {
        return mail.messageId().isEmpty() ? "raw-sha256:" + rawSha256 : mail.messageId();
    }
}
