package org.supportintake.server.http;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /health}: 200 when the database answers, 503 when it does not; JSON either way. */
public final class HealthServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(HealthServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    private final transient DataSource dataSource;

    public HealthServlet(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> database = databaseState();
        boolean up = "up".equals(database.get("status"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "up" : "down");
        body.put("database", database);
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), body);
    }

    private Map<String, Object> databaseState() {
        Map<String, Object> state = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            state.put("status", connection.isValid(DATABASE_TIMEOUT_SECONDS) ? "up" : "down");
            state.put("product", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
        } catch (SQLException e) {
            // The reason goes to the log, not to an unauthenticated endpoint.
            LOG.warn("health check: database unreachable: {}", e.toString());
            state.put("status", "down");
        }
        return state;
    }
}
