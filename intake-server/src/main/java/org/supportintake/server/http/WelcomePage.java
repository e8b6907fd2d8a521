package org.supportintake.server.http;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /}: a plain Russian page until the feedback form takes this address. */
public final class WelcomePage extends HttpServlet {

    private static final String PAGE = """
            <!doctype html>
            <html lang="ru">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Служба поддержки — приём обращений</title>
            </head>
            <body>
              <main>
                <h1>Служба поддержки</h1>
                <p>Здесь будет форма обращения. Пока напишите нам письмо: каждое обращение получает номер,
                   и мы сообщим срок ответа.</p>
              </main>
            </body>
            </html>
            """;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(PAGE);
    }
}
