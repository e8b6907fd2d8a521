package org.supportintake.mail.smtp;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how to hand outgoing mail to an SMTP server, read from {@code INTAKE_SMTP_URL}. An empty
 * {@code user} means no authentication. {@link #toString()} hides the password.
 */
public record SmtpSettings(String host, int port, ConnectionSecurity security, String user, String password,
                           List<String> trustedHosts, String from,
                           Duration connectTimeout, Duration readTimeout, Duration writeTimeout) {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        trustedHosts = List.copyOf(trustedHosts);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
    }

    /**
     * Reads {@code smtp://USER:PASSWORD@HOST:PORT} (user and password URL-encoded, both optional) with
     * {@code ?starttls=required}, or {@code smtps://…}; {@code trust=HOST,HOST} trusts those hosts'
     * certificates even when self-signed. Timeouts take their defaults.
     *
     * @throws IllegalArgumentException naming what is expected; the message never repeats the URL
     */
    public static SmtpSettings parse(String url, String from) {
        return SmtpUrl.parse(url, from);
    }

    public SmtpSettings withTimeouts(Duration connect, Duration read, Duration write) {
        return new SmtpSettings(host, port, security, user, password, trustedHosts, from, connect, read, write);
    }

    /** Whether to log in: only when the URL names a user. */
    public boolean authenticates() {
        return !user.isEmpty();
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + security.protocol() + "://" + (authenticates() ? user + ":***@" : "") + host + ":"
                + port + ", security=" + security + ", trustedHosts=" + trustedHosts + ", from=" + from
                + ", timeouts=" + connectTimeout + "/" + readTimeout + "/" + writeTimeout + "]";
    }
}
