package org.supportintake.mail.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.supportintake.mail.ServerAuthority;

/**
 * One mailbox to poll, from {@code INTAKE_IMAP_URL}: {@code imap://USER:PASSWORD@HOST:PORT/INBOX} or
 * {@code imaps://…} (user and password URL-encoded); {@code ?auth=xoauth2} makes the password an
 * OAuth 2 bearer token; {@code trust=HOST,HOST} trusts those hosts' self-signed certificates.
 */
public record MailboxSettings(boolean tls, String host, int port, String user, String password, String folder,
                              boolean xoauth2, List<String> trustedHosts) {

    private static final String EXPECTED = "expected imap://USER:PASSWORD@HOST:PORT/FOLDER or imaps://… "
            + "(user and password URL-encoded), optionally ?auth=xoauth2 and trust=HOST,HOST; several separated by commas";
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    public MailboxSettings {
        trustedHosts = List.copyOf(trustedHosts);
    }

    /** Several mailboxes separated by commas. */
    public static List<MailboxSettings> parseAll(String urls) {
        List<MailboxSettings> mailboxes = new ArrayList<>();
        for (String url : urls.split(",")) {
            if (!url.isBlank()) {
                mailboxes.add(parse(url.strip()));
            }
        }
        return mailboxes;
    }

    public static MailboxSettings parse(String url) {
        int schemeEnd = url.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("imap") && !scheme.equals("imaps")) {
            throw invalid("the scheme must be imap or imaps");
        }
        boolean tls = scheme.equals("imaps");
        String rest = url.substring(schemeEnd + 3);
        String query = rest.contains("?") ? rest.substring(rest.indexOf('?') + 1) : "";
        String path = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        int slash = path.indexOf('/', path.lastIndexOf('@') + 1);
        String folder = slash < 0 || slash == path.length() - 1 ? "INBOX" : path.substring(slash + 1);
        ServerAuthority authority = ServerAuthority.parse(slash < 0 ? path : path.substring(0, slash),
                tls ? 993 : 143, MailboxSettings::invalid);
        boolean xoauth2 = false;
        List<String> trusted = new ArrayList<>();
        for (String parameter : query.isEmpty() ? new String[0] : query.split("&")) {
            if (parameter.equalsIgnoreCase("auth=xoauth2")) {
                xoauth2 = true;
            } else if (parameter.startsWith("trust=") && parameter.length() > 6) {
                trusted.addAll(List.of(parameter.substring(6).split(",")));
            } else {
                throw invalid("unknown parameter; the only ones are auth=xoauth2 and trust=HOST,HOST");
            }
        }
        if (authority.user().isEmpty()) {
            throw invalid("the user is missing");
        }
        return new MailboxSettings(tls, authority.host(), authority.port(), authority.user(), authority.password(),
                folder, xoauth2, trusted);
    }

    /** Angus Mail session properties: timeouts, TLS trust, XOAUTH2, and whole-body fetches. */
    public Properties sessionProperties() {
        String protocol = protocol();
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        properties.setProperty("mail." + protocol + ".timeout", Integer.toString(READ_TIMEOUT_MS));
        properties.setProperty("mail." + protocol + ".writetimeout", Integer.toString(READ_TIMEOUT_MS));
        // Angus fetches bodies in 16 KB pieces unless told otherwise: one round trip per piece.
        properties.setProperty("mail." + protocol + ".partialfetch", "false");
        properties.setProperty("mail." + protocol + ".fetchsize", Integer.toString(1024 * 1024));
        // BODY.PEEK[]: setting \Seen costs the server a flag write per message, and nobody reads Processed.
        properties.setProperty("mail." + protocol + ".peek", "true");
        if (!trustedHosts.isEmpty()) {
            properties.setProperty("mail." + protocol + ".ssl.trust", String.join(" ", trustedHosts));
        }
        if (!tls) {
            properties.put("mail.imap.socketFactory", new NoDelaySocketFactory());
        }
        if (xoauth2) {
            properties.setProperty("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
        }
        return properties;
    }

    public String protocol() {
        return tls ? "imaps" : "imap";
    }

    /** A name for logs, without the password. */
    public String label() {
        return user + "@" + host + ":" + port + "/" + folder;
    }

    @Override
    public String toString() {
        return "MailboxSettings[" + protocol() + "://" + label() + "]";
    }

    static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("Invalid IMAP URL: " + problem + "; " + EXPECTED);
    }
}
