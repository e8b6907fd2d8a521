package org.supportintake.mail.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.supportintake.core.outbox.MailTransport;
import org.supportintake.core.outbox.OutboxMessage;
import org.supportintake.core.outbox.UnableToSendMailException;

/**
 * Sends outbox mail over SMTP with Angus Mail. Thread-safe: the one {@link Session} is shared, and every
 * {@link #send} opens, uses and closes its own connection. Outbox traffic is a few acknowledgements a minute,
 * so a pool would save little and bring back the stale connections that relays drop after idling.
 */
public final class SmtpTransport implements MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpTransport.class);

    private final SmtpSettings settings;
    private final Session session;
    private final OutgoingMimeMessage mime;

    public SmtpTransport(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(SessionProperties.of(settings));
        this.mime = new OutgoingMimeMessage(session, settings.from());
    }

    @Override
    public void send(OutboxMessage message) {
        MimeMessage mail = compose(message);
        try {
            Transport transport = session.getTransport(settings.security().protocol());
            if (settings.authenticates()) {
                transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            } else {
                // both null, or Jakarta Mail logs in as the operating system's user name
                transport.connect(settings.host(), settings.port(), null, null);
            }
            try {
                transport.sendMessage(mail, mail.getAllRecipients());
            } finally {
                close(transport);
            }
        } catch (MessagingException failure) {
            throw SmtpFailure.of(failure, message.messageId(), settings);
        }
    }

    private MimeMessage compose(OutboxMessage message) {
        try {
            return mime.of(message);
        } catch (MessagingException unwritable) {
            // the message's own data is at fault (a malformed address): sending it again cannot help
            throw new UnableToSendMailException("Could not write " + message.messageId() + " as MIME: "
                    + unwritable.getMessage(), true, unwritable);
        }
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException quitFailed) {
            // once the server has the message, a failed QUIT must not make the outbox send it twice
            LOG.debug("Closing the SMTP connection failed", quitFailed);
        }
    }
}
