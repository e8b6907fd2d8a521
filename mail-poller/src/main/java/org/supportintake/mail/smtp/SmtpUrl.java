package org.supportintake.mail.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.supportintake.mail.ServerAuthority;

/** Parses {@code INTAKE_SMTP_URL}. Errors say what is wrong but never repeat the URL: it may hold a password. */
final class SmtpUrl {

    private static final String EXPECTED = "expected smtp://USER:PASSWORD@HOST:PORT (user and password"
            + " URL-encoded, both optional), smtp://...?starttls=required, or smtps://... for implicit TLS;"
            + " add trust=HOST,HOST to trust those hosts' self-signed certificates";

    private SmtpUrl() {
    }

    static SmtpSettings parse(String url, String from) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw invalid("the scheme is missing");
        }
        ConnectionSecurity scheme = scheme(url.substring(0, schemeEnd).toLowerCase(Locale.ROOT));
        String rest = url.substring(schemeEnd + 3);
        int queryStart = rest.indexOf('?');
        String authorityText = queryStart < 0 ? rest : rest.substring(0, queryStart);
        ServerAuthority authority = ServerAuthority.parse(authorityText.replaceFirst("/$", ""), scheme.defaultPort(),
                SmtpUrl::invalid);
        List<String> parameters = parameters(queryStart < 0 ? "" : rest.substring(queryStart + 1), scheme);
        ConnectionSecurity security = parameters.contains("starttls=required")
                ? ConnectionSecurity.STARTTLS_REQUIRED : scheme;
        return new SmtpSettings(authority.host(), authority.port(), security, authority.user(), authority.password(),
                trustedHosts(parameters), address(from),
                SmtpSettings.CONNECT_TIMEOUT, SmtpSettings.READ_TIMEOUT, SmtpSettings.WRITE_TIMEOUT);
    }

    static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("Invalid SMTP URL: " + problem + "; " + EXPECTED);
    }

    private static ConnectionSecurity scheme(String scheme) {
        switch (scheme) {
            case "smtp":
                return ConnectionSecurity.NONE;
            case "smtps":
                return ConnectionSecurity.IMPLICIT_TLS;
            default:
                throw invalid("the scheme must be smtp or smtps");
        }
    }

    private static List<String> parameters(String query, ConnectionSecurity scheme) {
        List<String> parameters = query.isEmpty() ? List.of() : List.of(query.split("&"));
        for (String parameter : parameters) {
            boolean starttls = parameter.equals("starttls=required") && scheme == ConnectionSecurity.NONE;
            if (!starttls && !parameter.startsWith("trust=")) {
                throw invalid("the only parameters are starttls=required (smtp only) and trust=HOST,HOST");
            }
        }
        return parameters;
    }

    private static List<String> trustedHosts(List<String> parameters) {
        List<String> hosts = new ArrayList<>();
        for (String parameter : parameters) {
            if (parameter.startsWith("trust=")) {
                for (String host : parameter.substring("trust=".length()).split(",", -1)) {
                    if (!ServerAuthority.HOST.matcher(host.strip()).matches()) {
                        throw invalid("trust lists host names or IP addresses separated by commas; no wildcards");
                    }
                    hosts.add(ServerAuthority.unbracketed(host.strip()));
                }
            }
        }
        return hosts;
    }

    private static String address(String from) {
        try {
            String address = new InternetAddress(from, true).getAddress();
            if (address.equals(from.strip()) && address.indexOf('@') > 0) {
                return address;
            }
        } catch (AddressException notAnAddress) {
            // reported below, in our words
        }
        throw new IllegalArgumentException("The sender address is not a bare mail address; expected one such as"
                + " support@example.org");
    }
}
