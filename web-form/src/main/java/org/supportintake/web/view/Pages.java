package org.supportintake.web.view;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/** Writes HTML pages from templates, and the few pages every citizen-facing servlet shares (413, 429). */
public final class Pages {

    private final Templates templates;

    public Pages(Templates templates) {
        this.templates = templates;
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

    /** 413, and the connection closed: the rest of the body is not read. */
    public void tooLarge(HttpServletResponse response, String backLink) throws IOException {
        response.setHeader("Connection", "close");
        message(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Слишком большой объём",
                "Обращение вместе с файлами слишком велико. Можно приложить до 5 файлов, каждый не больше 5 МБ.",
                backLink, "Вернуться к форме");
    }

    public void tooManyRequests(HttpServletResponse response, Duration wait, String backLink) throws IOException {
        long minutes = Math.max(1, (wait.getSeconds() + 59) / 60);
        response.setHeader("Retry-After", Long.toString(Math.max(1, wait.getSeconds())));
        message(response, 429, "Слишком много обращений",
                "С вашего адреса недавно было отправлено много обращений. Попробуйте снова через " + minutes + " мин.",
                backLink, "Вернуться");
    }
}
