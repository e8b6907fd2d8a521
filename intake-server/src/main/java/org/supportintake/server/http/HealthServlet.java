package org.supportintake.server.http;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.mail.imap.MailboxStatus;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /health}: JSON with the database and each mailbox. {@code up}; {@code degraded} (still
 * 200, the node serves) when a mailbox has failed {@value MailboxStatus#DEGRADED_AFTER} polls in a
 * row; {@code down} (503) when the database does not answer.
 */
public final class HealthServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(HealthServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    private final transient DataSource dataSource;
    private final transient Supplier<List<MailboxStatus>> mailboxes;

    public HealthServlet(DataSource dataSource, Supplier<List<MailboxStatus>> mailboxes) {
        this.dataSource = dataSource;
        this.mailboxes = mailboxes;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> database = databaseState();
        List<MailboxStatus> polled = mailboxes.get();
        boolean up = "up".equals(database.get("status"));
        boolean degraded = polled.stream().anyMatch(MailboxStatus::degraded);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !up ? "down" : degraded ? "degraded" : "up");
        body.put("database", database);
        body.put("mailboxes", polled.stream().map(HealthServlet::mailboxState).toList());
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

    private static Map<String, Object> mailboxState(MailboxStatus mailbox) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("mailbox", mailbox.mailbox());
        state.put("status", mailbox.degraded() ? "degraded" : "up");
        state.put("lastSuccessfulPoll", mailbox.lastSuccessfulPoll().map(Object::toString).orElse(null));
        state.put("consecutiveFailures", mailbox.consecutiveFailures());
        state.put("setAside", mailbox.setAside());
        return state;
    }
}
