package org.supportintake.mail;

import jakarta.mail.MessagingException;

/** A message could not be fetched from the mail server: the server, not the message, is at fault. */
public final class MailServerUnreachableException extends RuntimeException {

    public MailServerUnreachableException(MessagingException cause) {
        super(cause.getMessage(), cause);
    }
}
