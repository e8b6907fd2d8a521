package org.supportintake.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.EmailFacts;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.mail.mime.ParsedMail;

/** An email as a {@link Submission}: its Message-ID (or the raw bytes' hash) is the external id. */
public final class MailSubmission {

    private MailSubmission() {
    }

    /** The email as its {@code requester}'s submission; the requester's note joins the mail's problems. */
    public static Submission of(ParsedMail mail, Requester requester, String rawSha256, Instant receivedAt) {
        List<String> problems = new ArrayList<>(mail.problems());
        if (!requester.note().isEmpty()) {
            problems.add(requester.note());
        }
        var builder = Submission.builder(Channel.EMAIL, externalId(mail, rawSha256), receivedAt)
                .sender(requester.mailbox().address(), requester.mailbox().name(), "")
                .subject(mail.subject())
                .text(mail.text())
                .previousTicket(TicketNumber.findIn(mail.subject()).map(TicketNumber::toString).orElse(""))
                .emailFacts(new EmailFacts(mail.messageId(), mail.inReplyTo(), mail.references(), mail.quoted(),
                        rawSha256, problems));
        mail.attachments().forEach(builder::attachment);
        return builder.build();
    }

    /** A message without a Message-ID is known by its bytes: the same bytes delivered twice are one message. */
    public static String externalId(ParsedMail mail, String rawSha256) {
        return mail.messageId().isEmpty() ? "raw-sha256:" + rawSha256 : mail.messageId();
    }
}
