package org.supportintake.mail.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Non-delivery reports that are not RFC 3464 reports, as mail systems write them in plain text
 * (Exim, qmail, Apache James, KDDI, DragonFly Mail Agent and others): the subject they put first,
 * the daemon they send as, and the sentence their text opens with, read from the first kilobytes.
 */
final class BounceSigns {

    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon", "mailer_daemon",
            "maildaemon", "mdaemon");
    private static final Set<String> AUTOMATED = Set.of("no-reply", "noreply", "do-not-reply", "donotreply", "bounce",
            "bounces", "mailer", "mail-delivery");
    private static final Pattern SUBJECT = Pattern.compile("(?i)^\\s*(?:\\[BOUNCE]|Returned mail\\b|Mail delivery failed"
            + "|Undelivered Mail Returned|Undeliverable( mail)?:|Delivery Status Notification \\(Failure\\)"
            + "|failure notice|Mail System Error|Delivery failure|Non[- ]?delivery|Nondeliverable|Delivery has failed"
            + "|Message delivery has failed|Mail could not be delivered|Недоставленное сообщение|Не удалось доставить"
            + "|Сообщение не доставлено)");
    private static final Pattern OPENING = Pattern.compile("(?i)This is the DragonFly Mail Agent|Could not be delivered to:"
            + "|Your mail (?:sent|attempted to be delivered) on|This is the James mail server|Error message below:"
            + "|This message was created automatically by mail delivery software|This is the mail system at host"
            + "|I'm sorry to have to inform you that your message|could not be delivered to one or more recipients"
            + "|Delivery to the following recipients? failed");
    private static final int OPENING_BYTES = 4 * 1024;

    private BounceSigns() {
    }

    static boolean fromDaemon(String fromAddress) {
        return DAEMONS.contains(localPart(fromAddress));
    }

    static boolean fromAutomatedSender(String fromAddress) {
        return fromDaemon(fromAddress) || AUTOMATED.contains(localPart(fromAddress));
    }

    static boolean hasBounceSubject(String subject) {
        return SUBJECT.matcher(subject).find();
    }

    /** A daemon's opening sentence within the first kilobytes of the body, as it lies in the message. */
    static boolean opensLikeABounce(MimeMessage message) throws MessagingException {
        try (InputStream body = message.getRawInputStream()) {
            return OPENING.matcher(new String(body.readNBytes(OPENING_BYTES), StandardCharsets.ISO_8859_1)).find();
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static String localPart(String address) {
        String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
        return local.strip().toLowerCase(Locale.ROOT);
    }
}
