package org.supportintake.mail.classify;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.supportintake.mail.mime.MessageIds;
import org.supportintake.mail.mime.ReportedMessageIds;

/**
 * The Message-IDs a bounce is about: from the bounce's own In-Reply-To and References, and from
 * its body (the returned message or its headers, RFC 3462 third part, and "Message-ID:" lines).
 */
public final class BouncedMessageIds {

    private BouncedMessageIds() {
    }

    public static List<String> of(MimeMessage bounce) {
        Set<String> ids = new LinkedHashSet<>();
        try {
            ids.addAll(MessageIds.in(bounce.getHeader("In-Reply-To", " ")));
            ids.addAll(MessageIds.in(bounce.getHeader("References", " ")));
        } catch (MessagingException parsedAlready) {
            // a parsed message holds its headers in memory; only a folder-backed one can fail here
        }
        ids.addAll(ReportedMessageIds.in(bounce));
        return List.copyOf(ids);
    }
}
