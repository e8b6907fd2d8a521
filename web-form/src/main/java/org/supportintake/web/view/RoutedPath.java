package org.supportintake.web.view;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path Jetty chose a request's servlet by: decoded, dot segments resolved, path parameters dropped. Every decision
 * by path (the staff gate, JSON or page for an error) is made on it and never on the raw request URI, where
 * {@code /%73taff}, {@code /staff;x} or {@code /./staff} would name the staff pages without looking like them.
 */
public final class RoutedPath {

    private RoutedPath() {
    }

    /** The servlet path and path info together; {@code /} for the root page. */
    public static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }
}
