package org.supportintake.server.http;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.mail.imap.MailboxStatus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /health}: JSON with the database, the other components (SMTP, scheduler) and each mailbox. {@code up};
 * {@code degraded} (still 200, the node serves) when a mailbox has failed {@value MailboxStatus#DEGRADED_AFTER} polls
 * in a row or a component is down; {@code down} (503) when the database does not answer. {@code /health/live}: 200
 * while the process answers. {@code /health/ready}: the same JSON, 503 unless the database answers, every mailbox's
 * last poll went through and no component is {@code down}.
 */
public final class HealthServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(HealthServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    private final transient DataSource dataSource;
    private final transient Supplier<List<MailboxStatus>> mailboxes;
    private final transient Map<String, Supplier<String>> components;
    private final transient ExecutorService checks = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "health-database-check");
        thread.setDaemon(true);
        return thread;
    });
    private transient Future<Map<String, Object>> databaseCheck;

    public HealthServlet(DataSource dataSource, Supplier<List<MailboxStatus>> mailboxes) {
        this(dataSource, mailboxes, Map.of());
    }

    /** {@code components} by name, each telling {@code up}, {@code down} or {@code unknown} (not yet tried). */
    public HealthServlet(DataSource dataSource, Supplier<List<MailboxStatus>> mailboxes,
                         Map<String, Supplier<String>> components) {
        this.dataSource = dataSource;
        this.mailboxes = mailboxes;
        this.components = new TreeMap<>(components);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.equals("/live")) {
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().write("live\n");
            return;
        }
        if (!path.isEmpty() && !path.equals("/ready")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, Object> database = databaseStateWithin(DATABASE_TIMEOUT_SECONDS + 1);
        List<MailboxStatus> polled = mailboxes.get();
        Map<String, String> states = new LinkedHashMap<>();
        components.forEach((name, state) -> states.put(name, state.get()));
        boolean up = "up".equals(database.get("status"));
        boolean componentDown = states.containsValue("down");
        boolean degraded = componentDown || polled.stream().anyMatch(MailboxStatus::degraded);
        boolean ready = up && !componentDown && polled.stream().allMatch(mailbox -> mailbox.consecutiveFailures() == 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !up ? "down" : degraded ? "degraded" : "up");
        if (path.equals("/ready")) {
            body.put("ready", ready);
        }
        body.put("database", database);
        states.forEach((name, state) -> body.put(name, Map.of("status", state)));
        body.put("mailboxes", polled.stream().map(HealthServlet::mailboxState).toList());
        boolean serving = path.equals("/ready") ? ready : up;
        response.setStatus(serving ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), body);
    }

    /**
     * The pool may wait its whole connection timeout (30 s) for a database that is gone; a probe must not. One check
     * at a time runs on its own thread, and later probes wait for that one.
     */
    private Map<String, Object> databaseStateWithin(int seconds) {
        Future<Map<String, Object>> check;
        synchronized (this) {
            if (databaseCheck == null || databaseCheck.isDone()) {
                databaseCheck = checks.submit(this::databaseState);
            }
            check = databaseCheck;
        }
        try {
            return check.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("health check: database did not answer within {} s", seconds);
            return new LinkedHashMap<>(Map.of("status", "down"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LinkedHashMap<>(Map.of("status", "down"));
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }

    private Map<String, Object> databaseState() {
        Map<String, Object> state = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try {
                if (!connection.isValid(DATABASE_TIMEOUT_SECONDS)) {
                    throw new SQLException("connection is not valid");
                }
                var meta = connection.getMetaData();
                String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
                state.put("status", "up");
                state.put("product", product);
            } catch (SQLException e) {
                evict(connection);
                throw e;
            }
        } catch (SQLException e) {
            // The reason goes to the log, not to an unauthenticated endpoint.
            LOG.warn("health check: database unreachable: {}", e.toString());
            state.put("status", "down");
        }
        return state;
    }

    /**
     * The pool skips its own liveness test for a connection handed back less than 500 ms ago and evicts a connection
     * only on SQL state 08; H2's server mode reports a broken one as 90067 and then 90121. A probe asked more often
     * than that would get the same dead connection back for ever, so a connection that failed the probe leaves the pool.
     */
    private void evict(Connection connection) {
        if (dataSource instanceof HikariDataSource pool) {
            pool.evictConnection(connection);
        }
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
