package org.supportintake.web.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request says it came from ({@code Origin}, {@code Sec-Fetch-Site}) and where it went ({@code Host}):
 * a browser post from another site is cross-site; a server-to-server client, which sends neither, is not.
 */
public record RequestOrigin(String origin, String fetchSite, String host) {

    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    public static RequestOrigin of(HttpServletRequest request) {
        return new RequestOrigin(header(request, "Origin"), header(request, "Sec-Fetch-Site"), header(request, "Host"));
    }

    /**
     * True when either header names another origin; {@code Origin: null} and unknown values count as another, an
     * empty value as not sent.
     */
    public boolean isCrossSite() {
        boolean fetchCrossSite = !fetchSite.isBlank() && !OWN_SITE.contains(fetchSite.strip().toLowerCase(Locale.ROOT));
        return fetchCrossSite || !origin.isBlank() && !sameHost(origin.strip());
    }

    private static String header(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getHeader(name)).orElse("");
    }

    private boolean sameHost(String value) {
        try {
            URI from = new URI(value);
            URI to = new URI(from.getScheme() + "://" + host.strip());
            return from.getHost() != null && to.getHost() != null && from.getHost().equalsIgnoreCase(to.getHost())
                    && port(from) == port(to) && (from.getPath() == null || from.getPath().isEmpty());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
    }
}
