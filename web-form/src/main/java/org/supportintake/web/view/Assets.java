package org.supportintake.web.view;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /assets/*}: the form's stylesheet and script, from the classpath; only names it knows. */
public final class Assets extends HttpServlet {

    private static final Map<String, String> TYPES = Map.of("/form.css", "text/css", "/staff.css", "text/css", "/form.js", "text/javascript");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo();
        String type = name == null ? null : TYPES.get(name);
        if (type == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=3600");
        try (InputStream in = Assets.class.getResourceAsStream("/assets" + name)) {
            in.transferTo(response.getOutputStream());
        }
    }
}
