package org.supportintake.mail.smtp;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import org.supportintake.core.outbox.UnableToSendMailException;

/**
 * Decides whether a failed send is worth retrying. Permanent only when the server refuses this message for
 * good (RFC 5321 §4.2.1, 5yz): the recipient (RCPT) or the content (end of DATA). Everything else, including
 * a refused sender and a failed login, is our configuration or the network, which an administrator fixes
 * and after which the same message goes through.
 */
final class SmtpFailure {

    private SmtpFailure() {
    }

    static UnableToSendMailException of(MessagingException failure, String messageId, SmtpSettings settings) {
        boolean permanent = isPermanent(failure);
        String text = "Could not send " + messageId + " via " + settings.host() + ":" + settings.port() + " ("
                + (permanent ? "refused for good" : "will retry") + "): " + describe(failure);
        return new UnableToSendMailException(text, permanent, failure);
    }

    static boolean isPermanent(MessagingException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationFailedException) {
                return false;
            }
            if (cause instanceof SMTPAddressFailedException refused && isPermanent(refused.getReturnCode())) {
                return true;
            }
            if (cause instanceof SMTPSendFailedException refused && ".".equals(refused.getCommand())
                    && isPermanent(refused.getReturnCode())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPermanent(int replyCode) {
        return replyCode >= 500 && replyCode < 600;
    }

    /** Every cause's words: Angus's own message is often generic, and the reason (a timeout, a refusal) is below. */
    private static String describe(MessagingException failure) {
        var text = new StringBuilder(String.valueOf(failure.getMessage()).strip());
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            text.append("; ").append(cause.getClass().getSimpleName()).append(": ")
                    .append(String.valueOf(cause.getMessage()).strip());
        }
        return text.toString();
    }
}
