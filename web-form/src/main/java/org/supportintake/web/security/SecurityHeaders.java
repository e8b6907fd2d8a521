package org.supportintake.web.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers on every response: a Content-Security-Policy with no inline script or style and no
 * framing, no MIME sniffing, no referrer leaving the site, and no caching of pages with personal data;
 * with an https public address also {@code Strict-Transport-Security}, so browsers never fall back to http.
 */
public final class SecurityHeaders implements Filter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    static final String HSTS = "max-age=31536000";

    private final Map<String, String> headers;

    public SecurityHeaders(boolean https) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Content-Security-Policy", POLICY);
        values.put("X-Content-Type-Options", "nosniff");
        values.put("X-Frame-Options", "DENY");
        values.put("Referrer-Policy", "no-referrer");
        values.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        values.put("Cache-Control", "no-store");
        if (https) {
            values.put("Strict-Transport-Security", HSTS);
        }
        this.headers = Map.copyOf(values);
    }

    /** The headers, for answers written outside the servlets (the server's error handler). */
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        headers.forEach(http::setHeader);
        chain.doFilter(request, response);
    }
}
