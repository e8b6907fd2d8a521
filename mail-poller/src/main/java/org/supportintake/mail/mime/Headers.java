package org.supportintake.mail.mime;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The headers the mail path needs, decoded; what cannot be decoded is noted in {@code problems}. */
final class Headers {

    private static final Pattern ADDR_SPEC = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");

    private final MimeMessage message;
    private final List<String> problems;

    Headers(MimeMessage message, List<String> problems) {
        this.message = message;
        this.problems = problems;
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
            problems.add("no From header");
            return MailAddress.NONE;
        }
        String decoded = HeaderText.decode(raw);
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(decoded, false);
            if (addresses.length > 0 && addresses[0].getAddress() != null) {
                String personal = addresses[0].getPersonal();
                return new MailAddress(addresses[0].getAddress().strip(), personal == null ? "" : personal.strip());
            }
        } catch (AddressException e) {
            // fall through to the lenient reading below
        }
        Matcher address = ADDR_SPEC.matcher(decoded);
        if (address.find()) {
            problems.add("From header is malformed; the address was found in it");
            String name = decoded.substring(0, address.start()).replaceAll("[<\"]", "").strip();
            return new MailAddress(address.group(), name);
        }
        problems.add("From header has no address");
        return MailAddress.NONE;
    }

    private String raw(String name) {
        try {
            String value = message.getHeader(name, " ");
            return value == null ? "" : value;
        } catch (MessagingException e) {
            problems.add(name + " header unreadable");
            return "";
        }
    }
}
