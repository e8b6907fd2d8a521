package org.supportintake.server.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * The client's address and scheme as a trusted reverse proxy reports them. Only when the TCP peer is one of
 * the {@link TrustedProxies} are {@code Forwarded} (RFC 7239) or else {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} read; the client is the rightmost address that is not itself a trusted proxy, since
 * everything left of it was written by the client. From any other peer the headers are ignored. (Jetty's
 * {@code ForwardedRequestCustomizer} believes every peer and takes the leftmost address.)
 */
final class ForwardedClient implements HttpConfiguration.Customizer {

    private final TrustedProxies proxies;

    ForwardedClient(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
        if (!(peer instanceof InetSocketAddress socket) || socket.getAddress() == null
                || !proxies.contains(socket.getAddress())) {
            return request;
        }
        HttpFields headers = request.getHeaders();
        boolean rfc7239 = headers.contains("Forwarded");
        List<String> hops = rfc7239 ? parameters(headers.getValuesList("Forwarded"), "for")
                : items(headers.getValuesList("X-Forwarded-For"));
        List<String> protos = rfc7239 ? parameters(headers.getValuesList("Forwarded"), "proto")
                : items(headers.getValuesList("X-Forwarded-Proto"));
        Optional<InetAddress> client = client(hops);
        Optional<String> scheme = protos.isEmpty() ? Optional.empty()
                : Optional.of(protos.get(protos.size() - 1).toLowerCase(Locale.ROOT))
                        .filter(p -> p.equals("http") || p.equals("https"));
        if (client.isEmpty() && scheme.isEmpty()) {
            return request;
        }
        InetSocketAddress remote = client.map(address -> new InetSocketAddress(address, socket.getPort())).orElse(socket);
        boolean secure = scheme.map("https"::equals).orElse(request.isSecure());
        HttpURI uri = scheme.<HttpURI>map(s -> HttpURI.build(request.getHttpURI()).scheme(s).asImmutable())
                .orElse(request.getHttpURI());
        ConnectionMetaData connection = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
            @Override
            public SocketAddress getRemoteSocketAddress() {
                return remote;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }
        };
        return new Request.Wrapper(request) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return connection;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public HttpURI getHttpURI() {
                return uri;
            }
        };
    }

    /** Right to left, the first hop that is not a trusted proxy; empty when a hop is not an address (obfuscated). */
    private Optional<InetAddress> client(List<String> hops) {
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = TrustedProxies.literal(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                return Optional.empty();
            }
            if (!proxies.contains(hop.get()) || i == 0) {
                return hop;
            }
        }
        return Optional.empty();
    }

    private static String withoutPort(String hop) {
        String value = hop.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        return colon > 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
    }

    private static List<String> items(List<String> values) {
        List<String> items = new ArrayList<>();
        values.forEach(value -> {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        });
        return items;
    }

    /** The values of one parameter of every element of every {@code Forwarded} header, in order. */
    private static List<String> parameters(List<String> values, String name) {
        List<String> found = new ArrayList<>();
        for (String element : items(values)) {
            for (String pair : element.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase(name)) {
                    found.add(unquote(pair.substring(equals + 1).strip()));
                }
            }
        }
        return found;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
