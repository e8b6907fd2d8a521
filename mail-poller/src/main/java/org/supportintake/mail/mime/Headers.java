package org.supportintake.mail.mime;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** The headers the mail path needs, decoded; what cannot be decoded goes to the {@link DecodeMonitor}. */
final class Headers {

    private static final Pattern ADDR_SPEC = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");

    private final MimeEntity.HeaderSource headers;
    private final DecodeMonitor monitor;

    Headers(MimeEntity.HeaderSource headers, DecodeMonitor monitor) {
        this.headers = headers;
        this.monitor = monitor;
    }

    String messageId() {
        List<String> ids = MessageIds.in(raw("Message-ID"));
        return ids.isEmpty() ? "" : ids.get(0);
    }

    String inReplyTo() {
        List<String> ids = MessageIds.in(raw("In-Reply-To"));
        return ids.isEmpty() ? "" : ids.get(0);
    }

    List<String> references() {
        return MessageIds.in(raw("References"));
    }

    String subject() {
        return HeaderText.decode(raw("Subject"));
    }

    MailAddress from() {
        String raw = raw("From");
        if (raw.isBlank()) {
            monitor.warn("no From header");
            return MailAddress.NONE;
        }
        String decoded = HeaderText.decode(raw);
        AddressComments comments = AddressComments.of(decoded);
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(comments.withoutComments(), false);
            if (addresses.length > 0 && addresses[0].getAddress() != null) {
                String personal = addresses[0].getPersonal();
                String name = personal == null || personal.isBlank() ? comments.lastComment() : personal.strip();
                return new MailAddress(addresses[0].getAddress().strip(), name);
            }
        } catch (AddressException e) {
            // fall through to the lenient reading below
        }
        Matcher address = ADDR_SPEC.matcher(decoded);
        if (address.find()) {
            monitor.warn("From header is malformed; the address was found in it");
            String name = decoded.substring(0, address.start()).replaceAll("[<\"]", "").strip();
            return new MailAddress(address.group(), name);
        }
        monitor.warn("From header has no address");
        return MailAddress.NONE;
    }

    private String raw(String name) {
        String value = headers.first(name);
        return value == null ? "" : value;
    }
}
