package org.supportintake.mail.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** The headers the mail path needs, decoded; what cannot be decoded goes to the {@link DecodeMonitor}. */
final class Headers {

    private static final Pattern UNQUALIFIED = Pattern.compile("[A-Za-z0-9._-]+");
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
        return mailbox("From", true);
    }

    /** The mailbox Reply-To names; {@link MailAddress#NONE} when it names none, or several (then none is the one). */
    MailAddress replyTo() {
        return severalMailboxes(raw("Reply-To")) ? MailAddress.NONE : mailbox("Reply-To", false);
    }

    /** The mailbox of the Sender field (RFC 5322 §3.6.2), the agent that sent the mail for the author. */
    MailAddress sender() {
        return mailbox("Sender", false);
    }

    /** The envelope sender the delivering server wrote down (RFC 5321 §4.4); "" for the null path or none. */
    String returnPath() {
        Matcher address = ADDR_SPEC.matcher(raw("Return-Path"));
        return address.find() ? eightBit(address.group()) : "";
    }

    /**
     * The first mailbox of an address field: the address and the display name. A field with no address at all
     * ({@code From: Иван Петров}) keeps the name and an empty address; only {@code report} says so in problems.
     */
    private MailAddress mailbox(String field, boolean report) {
        String raw = raw(field);
        if (raw.isBlank()) {
            if (report) {
                monitor.warn("no " + field + " header");
            }
            return MailAddress.NONE;
        }
        // Parsed before decoding: a decoded name may hold commas, quotes or angle brackets of its own.
        AddressComments comments = AddressComments.of(raw.replaceAll("\\r?\\n[ \\t]+", " "));
        String first = firstMailbox(comments.withoutComments());
        if (report && severalMailboxes(comments.withoutComments())) {
            monitor.warn(field + " names several mailboxes; the first was read");
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(first, false);
            if (addresses.length > 0 && isAddress(addresses[addresses.length - 1].getAddress())) {
                int angle = first.indexOf('<');
                String phrase = angle > 0 ? unquoted(first.substring(0, angle)) : "";
                String name = HeaderText.decode(phrase.isBlank() ? comments.lastComment() : phrase);
                return new MailAddress(eightBit(addresses[addresses.length - 1].getAddress().strip()), name);
            }
        } catch (AddressException e) {
            // fall through to the lenient reading below
        }
        String decoded = HeaderText.decode(raw);
        Matcher address = ADDR_SPEC.matcher(decoded);
        if (address.find()) {
            if (report) {
                monitor.warn(field + " header is malformed; the address was found in it");
            }
            String name = decoded.substring(0, address.start()).replaceAll("[<\"]", "").strip();
            return new MailAddress(address.group(), name);
        }
        if (report) {
            monitor.warn(field + " header has no address");
        }
        return new MailAddress("", HeaderText.decode(unquoted(first)).replaceAll("[<>\"]", "").strip());
    }

    /**
     * An address, or an unqualified local part as old mail systems write their own ({@code MAILER-DAEMON}): a word of
     * ASCII. Words with spaces or Cyrillic letters and no {@code @} are a display name without an address.
     */
    private static boolean isAddress(String address) {
        return address != null && (address.strip().indexOf('@') > 0 || UNQUALIFIED.matcher(address.strip()).matches());
    }

    /**
     * The text of the first mailbox of an address list: up to the comma after its address, outside quotes and angle
     * brackets; an unquoted comma in a display name ({@code Петров, Иван <ivan@example.ru>}) stays in the name.
     */
    private static String firstMailbox(String list) {
        List<String> pieces = topLevelPieces(list);
        StringBuilder mailbox = new StringBuilder();
        for (String piece : pieces) {
            mailbox.append(mailbox.isEmpty() ? "" : ",").append(piece);
            if (piece.indexOf('@') >= 0) {
                break;
            }
        }
        return mailbox.toString().strip();
    }

    private static boolean severalMailboxes(String list) {
        return topLevelPieces(list).stream().filter(piece -> piece.indexOf('@') >= 0).count() > 1;
    }

    /** The list split at commas outside quoted strings (RFC 5322 §3.2.4) and angle brackets. */
    private static List<String> topLevelPieces(String list) {
        List<String> pieces = new ArrayList<>();
        boolean quoted = false;
        int angle = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>' && angle > 0) {
                angle--;
            } else if (!quoted && angle == 0 && c == ',') {
                pieces.add(list.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(list.substring(start));
        return pieces;
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
