package org.supportintake.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics}: the Prometheus text format. With a token configured ({@code INTAKE_METRICS_TOKEN}) only a
 * request with {@code Authorization: Bearer TOKEN} gets it, compared in constant time; any other is 401.
 */
public final class MetricsServlet extends HttpServlet {

    private static final String BEARER = "Bearer ";

    private final transient Supplier<String> scrape;
    private final transient Optional<byte[]> tokenDigest;

    public MetricsServlet(Supplier<String> scrape, Optional<String> token) {
        this.scrape = scrape;
        this.tokenDigest = token.map(MetricsServlet::sha256);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (tokenDigest.isPresent() && !authorised(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().write("401 Unauthorized: Authorization: Bearer <INTAKE_METRICS_TOKEN> expected\n");
            return;
        }
        response.setContentType("text/plain;version=0.0.4;charset=utf-8");
        response.getWriter().write(scrape.get());
    }

    /** Digests compared, so neither the token's length nor its first differing character shows in the time taken. */
    private boolean authorised(String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(sha256(header.substring(BEARER.length()).strip()), tokenDigest.orElseThrow());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
