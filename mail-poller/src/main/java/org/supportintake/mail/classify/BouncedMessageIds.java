package org.supportintake.mail.classify;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

import org.supportintake.mail.mime.MessageIds;

/**
 * The Message-IDs a bounce is about: from the returned message or its headers (RFC 3462 third
 * part), from the bounce's own In-Reply-To and References, and from any "Message-ID:" line in its text.
 */
public final class BouncedMessageIds {

    private static final Pattern MESSAGE_ID_LINE = Pattern.compile("(?im)^\\s*Message-ID:\\s*(<[^>\\s]+>)");
    private static final int MAX_TEXT = 256 * 1024;

    private BouncedMessageIds() {
    }

    public static List<String> of(MimeMessage bounce) {
        Set<String> ids = new LinkedHashSet<>();
        try {
            ids.addAll(MessageIds.in(bounce.getHeader("In-Reply-To", " ")));
            ids.addAll(MessageIds.in(bounce.getHeader("References", " ")));
            collect(bounce, ids, 0);
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            // A bounce we cannot read still is a bounce; whatever was found so far is kept.
        }
        return List.copyOf(ids);
    }

    private static void collect(Part part, Set<String> ids, int depth) throws MessagingException, IOException {
        if (depth > 5) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                collect(child, ids, depth + 1);
            }
        } else if (part.isMimeType("message/rfc822") && part.getContent() instanceof MimeMessage returned) {
            ids.addAll(MessageIds.in(returned.getHeader("Message-ID", " ")));
        } else if (part.isMimeType("text/rfc822-headers")) {
            try (InputStream in = part.getInputStream()) {
                ids.addAll(MessageIds.in(new InternetHeaders(in).getHeader("Message-ID", " ")));
            }
        } else if (part.isMimeType("text/*") || part.isMimeType("message/delivery-status")) {
            try (InputStream in = part.getInputStream()) {
                Matcher m = MESSAGE_ID_LINE.matcher(new String(in.readNBytes(MAX_TEXT), java.nio.charset.StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
    }
}
