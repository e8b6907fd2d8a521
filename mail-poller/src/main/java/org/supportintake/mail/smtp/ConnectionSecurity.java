package org.supportintake.mail.smtp;

/** How the connection to the SMTP server is protected. */
public enum ConnectionSecurity {
    /** Plain SMTP, unencrypted: for a relay on the same host or a trusted network. */
    NONE("smtp", 25),
    /** Plain SMTP upgraded with STARTTLS before anything else is said; a server without it is an error. */
    STARTTLS_REQUIRED("smtp", 25),
    /** TLS from the first byte (SMTPS, RFC 8314 §3.3). */
    IMPLICIT_TLS("smtps", 465);

    private final String protocol;
    private final int defaultPort;

    ConnectionSecurity(String protocol, int defaultPort) {
        this.protocol = protocol;
        this.defaultPort = defaultPort;
    }

    /** The Jakarta Mail protocol name, also the prefix of its session properties. */
    public String protocol() {
        return protocol;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
