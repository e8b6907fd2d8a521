package org.supportintake.web.security;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.web.view.ErrorPages;
import org.supportintake.web.view.Problem;

/**
 * Only the methods each path serves reach its servlet; every other (TRACE, which would echo cookies and
 * {@code Authorization}, OPTIONS, PUT, …) is 405 with an {@code Allow} header, as the site's error page or JSON.
 * Paths are the servlet path specs; one not listed (Jetty's 404 among them) serves GET and HEAD.
 */
public final class AllowedMethods implements Filter {

    /** Pages and assets. */
    public static final Set<String> READ = Set.of("GET", "HEAD");
    /** Where a form posts. */
    public static final Set<String> POST = Set.of("POST");

    private final Map<String, Set<String>> byPath;
    private final ErrorPages errors;

    public AllowedMethods(Map<String, Set<String>> byPath, ErrorPages errors) {
        this.byPath = Map.copyOf(byPath);
        this.errors = errors;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletMapping mapping = http.getHttpServletMapping();
        Set<String> allowed = mapping == null ? READ : byPath.getOrDefault(mapping.getPattern(), READ);
        if (allowed.contains(http.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse answer = (HttpServletResponse) response;
        answer.setHeader("Allow", String.join(", ", allowed.stream().sorted().toList()));
        errors.write(http, answer, Problem.of(HttpServletResponse.SC_METHOD_NOT_ALLOWED));
    }
}
