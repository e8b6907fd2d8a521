package org.supportintake.web.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every error the site answers: a page in the site's Russian template ({@code error.mustache}), or
 * {@code {"error": "code", "message": "…"}} for paths under {@code /api/}. Used by the servlets and, through
 * {@link #answer}, by the server's handler for the errors Jetty raises itself. Thread-safe.
 */
public final class ErrorPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Templates templates;

    public ErrorPages(Templates templates) {
        this.templates = templates;
    }

    /** A response body and its content type. */
    public record Answer(String contentType, String body) {
    }

    /** The answer for {@code problem} on {@code path}: JSON under {@code /api/}, else the page. */
    public Answer answer(Problem problem, String path) {
        return isApi(path) ? new Answer("application/json;charset=utf-8", json(problem))
                : new Answer("text/html;charset=utf-8", page(problem, path));
    }

    /** The page, with a way back: to the queue for staff paths, the status lookup for its own, else the form. */
    public String page(Problem problem, String path) {
        String where = path == null ? "" : path;
        String backLink = where.startsWith("/staff") ? "/staff" : where.startsWith("/status") ? "/status" : "/";
        String backText = switch (backLink) {
            case "/staff" -> "Вернуться к очереди обращений";
            case "/status" -> "Вернуться к проверке статуса";
            default -> "Перейти к форме обращения";
        };
        return templates.render("error", Map.of("title", "Ошибка: " + problem.heading(), "heading", problem.heading(),
                "text", problem.text(), "backLink", backLink, "backText", backText));
    }

    public static String json(Problem problem) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", problem.code());
        body.put("message", problem.text());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code problem} as the response for this request's path, replacing whatever was buffered. */
    public void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        write(response, problem.status(), answer(problem, RoutedPath.of(request)));
    }

    static void write(HttpServletResponse response, int status, Answer answer) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(answer.contentType());
        response.setCharacterEncoding("UTF-8");
        try {
            response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
        } catch (IllegalStateException writerTaken) {
            // The failing servlet had already taken the writer, whose charset is fixed by now: ASCII is safe in any.
            response.getWriter().write(ascii(answer));
        }
    }

    /** The body with every non-ASCII character as a character reference (HTML) or a {@code \\u} escape (JSON). */
    private static String ascii(Answer answer) {
        boolean json = answer.contentType().startsWith("application/json");
        StringBuilder out = new StringBuilder();
        (json ? answer.body().chars() : answer.body().codePoints()).forEach(c -> {
            if (c < 128) {
                out.append((char) c);
            } else {
                out.append(json ? String.format("\\u%04x", c) : "&#" + c + ";");
            }
        });
        return out.toString();
    }

    public static boolean isApi(String path) {
        return path != null && path.startsWith("/api/");
    }
}
