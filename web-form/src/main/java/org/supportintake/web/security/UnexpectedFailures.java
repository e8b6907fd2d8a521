package org.supportintake.web.security;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.core.logging.LogSafe;
import org.supportintake.web.view.ErrorPages;
import org.supportintake.web.view.Problem;

/**
 * The last word on a failure no servlet expected: logged once here, in English with its stack trace, and
 * answered 500 as the site's page (JSON under {@code /api/}) with nothing of the exception in it. Input and
 * output failures of the connection itself (the client went away, a body too slow) and the container's own
 * exceptions for a bad request, which carry their status, are the container's to answer and log. An {@link Outage}
 * (the database out of reach, the file store full) is answered 503 with {@code Retry-After} instead, logged on one
 * line: the citizen is asked to try again, and nothing was stored.
 */
public final class UnexpectedFailures implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailures.class);

    /** Long enough for a database restart or a cleaned disk; the page itself says «через несколько минут». */
    private static final String RETRY_AFTER_SECONDS = "60";

    private final ErrorPages errors;

    public UnexpectedFailures(ErrorPages errors) {
        this.errors = errors;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | StackOverflowError e) {
            if (carriesStatus(e)) {
                throw e;
            }
            HttpServletRequest http = (HttpServletRequest) request;
            HttpServletResponse answer = (HttpServletResponse) response;
            if (Outage.explains(e) && !answer.isCommitted()) {
                LOG.warn("answered {} {} with 503: {}", LogSafe.of(http.getMethod()), LogSafe.of(http.getRequestURI()),
                        LogSafe.of(rootOf(e).toString()));
                answer.setHeader("Retry-After", RETRY_AFTER_SECONDS);
                errors.write(http, answer, Problem.of(HttpServletResponse.SC_SERVICE_UNAVAILABLE));
                return;
            }
            LOG.error("unexpected failure answering {} {}", LogSafe.of(http.getMethod()),
                    LogSafe.of(http.getRequestURI()), e);
            if (answer.isCommitted()) {
                throw e;
            }
            answer.setHeader("Connection", "close");
            errors.write(http, answer, Problem.of(HttpServletResponse.SC_INTERNAL_SERVER_ERROR));
        }
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && depth < 32; depth++) {
            root = root.getCause();
        }
        return root;
    }

    /** Jetty's exceptions for a bad or too slow request implement its {@code HttpException}, which names the status. */
    private static boolean carriesStatus(Throwable e) {
        for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> contract : type.getInterfaces()) {
                if (contract.getName().equals("org.eclipse.jetty.http.HttpException")) {
                    return true;
                }
            }
        }
        return false;
    }
}
