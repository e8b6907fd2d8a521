package org.supportintake.web.view;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/** Writes HTML pages from templates, and the error pages every citizen-facing servlet shares (413, 429, …). */
public final class Pages {

    private final Templates templates;
    private final ErrorPages errors;

    public Pages(Templates templates) {
        this.templates = templates;
        this.errors = new ErrorPages(templates);
    }

    public void html(HttpServletResponse response, int status, String template, Map<String, Object> context)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(templates.render(template, context));
    }

    public void message(HttpServletResponse response, int status, String heading, String text, String backLink,
                        String backText) throws IOException {
        html(response, status, "message", Map.of("title", heading, "heading", heading, "text", text,
                "backLink", backLink, "backText", backText));
    }

    /** An error page («Ошибка: …» in the title) with a way back to {@code backLink}'s page. */
    public void problem(HttpServletResponse response, Problem problem, String backLink) throws IOException {
        ErrorPages.write(response, problem.status(), new ErrorPages.Answer("text/html", errors.page(problem, backLink)));
    }

    /** A request whose body is not read to its end (413, 400, 415); the connection is closed. */
    public void refused(HttpServletResponse response, Problem problem, String backLink) throws IOException {
        response.setHeader("Connection", "close");
        problem(response, problem, backLink);
    }

    public void tooManyRequests(HttpServletResponse response, Duration wait, String backLink) throws IOException {
        retryAfter(response, wait);
        problem(response, new Problem(429, "rate_limited", "Слишком много обращений",
                "С вашего адреса недавно было отправлено много обращений. Попробуйте снова через " + minutes(wait)
                        + " мин."), backLink);
    }

    /** The status lookup's own 429: it speaks of lookups, not of submissions. */
    public void tooManyLookups(HttpServletResponse response, Duration wait) throws IOException {
        retryAfter(response, wait);
        problem(response, new Problem(429, "rate_limited", "Слишком много проверок статуса",
                "Слишком много проверок статуса с вашего адреса. Попробуйте снова через " + minutes(wait) + " мин."),
                "/status");
    }

    private static void retryAfter(HttpServletResponse response, Duration wait) {
        response.setHeader("Retry-After", Long.toString(Math.max(1, wait.getSeconds())));
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.getSeconds() + 59) / 60);
    }
}
