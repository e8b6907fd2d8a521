package org.supportintake.web.form;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.web.view.Pages;

/**
 * {@code GET /feedback/accepted/{id}}: the result of a form post, where the post redirects (303), so
 * that reloading or bookmarking it shows it again and posts nothing. An id that expired or never was
 * gets a 404 page that says where the number went.
 */
public final class AcceptedPage extends HttpServlet {

    /** Where the form post sends the browser for the result kept under {@code id}. */
    static final String PATH = "/feedback/accepted/";

    private final transient AcceptedResults results;
    private final transient Pages pages;

    public AcceptedPage(AcceptedResults results, Pages pages) {
        this.results = results;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = Optional.ofNullable(request.getPathInfo()).orElse("/").substring(1);
        Optional<AcceptedResult> result = results.find(id);
        if (result.isEmpty()) {
            pages.message(response, HttpServletResponse.SC_NOT_FOUND, "Страница результата устарела",
                    "Результат отправки формы хранится недолго. Номер обращения и срок ответа отправлены на вашу "
                            + "электронную почту; по номеру и адресу почты можно проверить статус обращения.",
                    "/status", "Проверить статус обращения");
            return;
        }
        AcceptedResult accepted = result.get();
        pages.html(response, HttpServletResponse.SC_OK, "accepted", Map.of("title", accepted.heading(),
                "heading", accepted.heading(), "ticketNumber", accepted.ticketNumber().toString(),
                "dueAt", MoscowTime.format(accepted.dueAt()),
                "confirmation", accepted.confirmation()));
    }
}
