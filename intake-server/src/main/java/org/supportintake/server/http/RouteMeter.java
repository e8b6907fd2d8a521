package org.supportintake.server.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every request by method, route and status. The route is the servlet's path spec ({@code /staff/tickets/*}),
 * never the raw path, so ticket numbers and file names make no new series; {@code /} is the root page and
 * {@code unmatched} whatever no servlet serves (Jetty's 404).
 */
public final class RouteMeter implements Filter {

    private final MeterRegistry registry;

    public RouteMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Timer.Sample sample = Timer.start(registry);
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, response);
            status = answer.getStatus();
        } finally {
            sample.stop(Timer.builder("http.server.requests").description("HTTP requests by method, route and status")
                    .tag("method", method(http.getMethod())).tag("route", route(http.getHttpServletMapping()))
                    .tag("status", Integer.toString(status)).register(registry));
        }
    }

    static String route(HttpServletMapping mapping) {
        if (mapping == null || "/".equals(mapping.getPattern())) {
            return "unmatched";
        }
        return mapping.getPattern().isEmpty() ? "/" : mapping.getPattern();
    }

    /** Only the methods the site knows; anything a client invents is one series, not one each. */
    private static String method(String method) {
        return switch (method) {
            case "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE" -> method;
            default -> "other";
        };
    }
}
