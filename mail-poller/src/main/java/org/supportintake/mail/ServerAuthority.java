package org.supportintake.mail;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The {@code USER:PASSWORD@HOST:PORT} part of a mail server URL (RFC 3986 §3.2), user and password decoded. */
public record ServerAuthority(String user, String password, String host, int port) {

    public static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    /** Parses {@code authority}; {@code invalid} turns a problem into the caller's exception (never quoting the URL). */
    public static ServerAuthority parse(String authority, int defaultPort, Function<String, IllegalArgumentException> invalid) {
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at);
        String hostAndPort = authority.substring(at + 1);
        int colon = hostAndPort.lastIndexOf(':');
        String host = colon < 0 || hostAndPort.endsWith("]") ? hostAndPort : hostAndPort.substring(0, colon);
        if (!HOST.matcher(host).matches()) {
            throw invalid.apply("the host is missing or is not a host name or IP address");
        }
        int port = host.equals(hostAndPort) ? defaultPort : port(hostAndPort.substring(colon + 1), invalid);
        int userEnd = userInfo.indexOf(':');
        String user = decode(userEnd < 0 ? userInfo : userInfo.substring(0, userEnd), invalid);
        String password = userEnd < 0 ? "" : decode(userInfo.substring(userEnd + 1), invalid);
        return new ServerAuthority(user, password, unbracketed(host), port);
    }

    public static String unbracketed(String host) {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(String text, Function<String, IllegalArgumentException> invalid) {
        int port = PORT.matcher(text).matches() ? Integer.parseInt(text) : 0;
        if (port < 1 || port > 65_535) {
            throw invalid.apply("the port must be a number from 1 to 65535");
        }
        return port;
    }

    private static String decode(String encoded, Function<String, IllegalArgumentException> invalid) {
        try {
            // percent-decoding only: a '+' in a password is a plus, not a space as in form data
            return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // not chained: URLDecoder's message quotes the text around the bad escape, i.e. the password
            throw invalid.apply("the user or password has a malformed %-escape");
        }
    }

    @Override
    public String toString() {
        return "ServerAuthority[" + user + ":***@" + host + ":" + port + "]";
    }
}
