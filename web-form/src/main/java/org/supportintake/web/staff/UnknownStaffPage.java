package org.supportintake.web.staff;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.supportintake.web.view.Problem;

/** Every path under {@code /staff/} no page serves: a 404 in the staff layout, and {@code /staff/} is the queue. */
final class UnknownStaffPage extends HttpServlet {

    private final transient StaffPages pages;

    UnknownStaffPage(StaffPages pages) {
        this.pages = pages;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/".equals(request.getPathInfo()) && "GET".equals(request.getMethod())) {
            StaffPages.seeOther(response, "/staff");
            return;
        }
        pages.problem(request, response, new Problem(404, "not_found", "Страница не найдена",
                "В журнале обращений нет страницы с таким адресом. Проверьте адрес или перейдите к очереди."));
    }
}
