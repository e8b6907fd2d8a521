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
        // Parsed before decoding: a decoded name may hold commas, quotes or angle brackets of its own.
        AddressComments comments = AddressComments.of(raw.replaceAll("\\r?\\n[ \\t]+", " "));
        String bare = comments.withoutComments();
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(bare, false);
            if (addresses.length > 0 && addresses[0].getAddress() != null && !addresses[0].getAddress().isBlank()) {
                int angle = bare.indexOf('<');
                String phrase = angle > 0 && addresses.length == 1 ? unquoted(bare.substring(0, angle)) : "";
                String name = HeaderText.decode(phrase.isBlank() ? comments.lastComment() : phrase);
                return new MailAddress(eightBit(addresses[0].getAddress().strip()), name);
            }
        } catch (AddressException e) {
            // fall through to the lenient reading below
        }
        String decoded = HeaderText.decode(raw);
        Matcher address = ADDR_SPEC.matcher(decoded);
        if (address.find()) {
            monitor.warn("From header is malformed; the address was found in it");
            String name = decoded.substring(0, address.start()).replaceAll("[<\"]", "").strip();
            return new MailAddress(address.group(), name);
        }
        monitor.warn("From header has no address");
        return MailAddress.NONE;
    }

    /**
     * An address a client sent as raw UTF-8 (RFC 6532, SMTPUTF8: {@code иван@почта.рф}), which Jakarta Mail hands over
     * byte by byte as ISO-8859-1 characters; an address has no encoded words, so its bytes are all there is to read.
     */
    private static String eightBit(String address) {
        return address.chars().allMatch(c -> c < 0x80) ? address
                : TextDecoding.guess(address.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** A display name without its quotes and quoted pairs (RFC 5322 §3.2.4). */
    private static String unquoted(String phrase) {
        String text = phrase.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return text;
    }

    private String raw(String name) {
        String value = headers.first(name);
        return value == null ? "" : value;
    }
}
