package org.supportintake.web.staff;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.DispatcherType;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.supportintake.core.jdbc.JdbcAuditTrail;
import org.supportintake.core.jdbc.JdbcStaffSessions;
import org.supportintake.core.staff.LoginOutcome;
import org.supportintake.core.staff.Role;
import org.supportintake.core.staff.StaffAccounts;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.SettableClock;
import org.supportintake.core.testing.TestDatabases;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.web.WebForm;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The staff site on a real Jetty (free port) over H2, with the site's own filters and the staff gate in front. Staff
 * are rows in {@code staff_account} with sessions opened through {@link JdbcStaffSessions}; API tokens come from a
 * stand-in {@link StaffAccounts} (the accounts' own table and implementation are another part of issue 15), so the
 * API is tested through the real gate.
 */
final class StaffFixture implements AutoCloseable {

    /** Thursday 3 December 2026, 12:00 Moscow time. */
    static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    final SettableClock clock = new SettableClock();
    private final HikariDataSource dataSource = TestDatabases.h2();
    final IntakeFixture intake = IntakeFixture.on(dataSource);
    final JdbcStaffSessions sessions = new JdbcStaffSessions(intake.jdbi(), clock, Duration.ofMinutes(30));
    private final Map<String, StaffMember> tokens = new HashMap<>();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final HttpClient client = HttpClient.newHttpClient();

    StaffFixture() throws Exception {
        clock.set(NOW);
        StaffAccounts accounts = new StaffAccounts() {
            @Override
            public LoginOutcome logIn(String login, char[] password, String address) {
                return new LoginOutcome.Refused();
            }

            @Override
            public Optional<StaffMember> byApiToken(String token) {
                return Optional.ofNullable(tokens.get(token));
            }
        };
        StaffSite site = new StaffSite(SiteParts.of(intake, accounts, sessions, new JdbcAuditTrail(intake.jdbi()), clock,
                SiteParts.temporaryStore(), SiteParts.NO_REPLAY));
        Map<String, Set<String>> methods = new HashMap<>(WebForm.methods());
        methods.putAll(StaffSite.methods());
        ServletContextHandler context = new ServletContextHandler();
        WebForm.filters(false, methods).forEach(filter ->
                context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST)));
        context.addFilter(new FilterHolder(site.gate()), "/*", EnumSet.of(DispatcherType.REQUEST));
        site.servlets().forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        server.setHandler(context);
        connector.setPort(0);
        server.addConnector(connector);
        server.start();
    }

    /** A staff account in the database. */
    StaffMember member(String login, Role role) {
        long id = intake.jdbi().withHandle(h -> h.createUpdate("insert into staff_account (login, role, password_hash, "
                        + "created_at) values (:login, :role, 'not used', :now)")
                .bind("login", login).bind("role", role.code()).bind("now", NOW.atOffset(ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new StaffMember(id, login, role);
    }

    /** The session cookie's value of a new session of {@code member}. */
    String signIn(StaffMember member) {
        return sessions.open(member);
    }

    /** An API token that stands for {@code member}. */
    String token(StaffMember member) {
        String token = UUID.randomUUID().toString();
        tokens.put(token, member);
        return token;
    }

    HttpResponse<String> page(String path, String cookie) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Cookie", StaffRequest.COOKIE + "=" + cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String path, String cookie) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Cookie", StaffRequest.COOKIE + "=" + cookie).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> api(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends {@code request} as it is over a socket (CRLF line ends are the caller's), so that its path reaches the
     * server exactly as written: encoded, with path parameters or dot segments; returns the whole answer as text.
     */
    String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", connector.getLocalPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + connector.getLocalPort() + path);
    }

    /** A ticket with its first message; {@code change} sets what a test needs. */
    TicketNumber ticket(long serial, java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> t = new HashMap<>();
        t.put("number", TicketNumber.of(26, serial).toString());
        t.put("channel", "form");
        t.put("status", "accepted");
        t.put("priority", "normal");
        t.put("category", "technical_problem");
        t.put("email", "someone@example.ru");
        t.put("created", NOW.minus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC));
        t.put("due", NOW.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));
        t.put("overdue", false);
        t.put("atRisk", false);
        t.put("assignee", null);
        t.put("subject", "Вопрос");
        t.put("body", "Текст обращения.");
        change.accept(t);
        intake.jdbi().useHandle(h -> {
            long id = h.createUpdate("insert into ticket (number, channel, status, priority, category, title, "
                            + "requester_email, requester_name, requester_phone, callback_time, created_at, due_at, "
                            + "at_risk_from, allowed_seconds, overdue, at_risk, assignee) values (:number, :channel, "
                            + ":status, :priority, :category, 'Тема', :email, 'Имя', '', '', :created, :due, :due, 97200, "
                            + ":overdue, :atRisk, :assignee)")
                    .bindMap(t).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("insert into message (ticket_id, external_id, channel, direction, received_at, sender_email, "
                            + "sender_name, subject, body, quoted, message_id, in_reply_to, reference_ids, raw_sha256) "
                            + "values (:ticket, :external, 'form', 'in', :created, :email, 'Имя', :subject, :body, '', '', "
                            + "'', '', '')")
                    .bind("ticket", id).bind("external", UUID.randomUUID().toString()).bind("created", t.get("created"))
                    .bind("email", t.get("email")).bind("subject", t.get("subject")).bind("body", t.get("body"))
                    .execute();
        });
        return TicketNumber.of(26, serial);
    }

    /** The audit's rows as «action what», oldest first. */
    java.util.List<String> audit() {
        return intake.jdbi().withHandle(h -> h.createQuery("select staff || ' ' || action || ' ' || what from audit_entry "
                + "order by id").mapTo(String.class).list());
    }

    @Override
    public void close() throws Exception {
        server.stop();
        // An in-memory H2 database outlives its pool (DB_CLOSE_DELAY=-1): dropped here, or each test's stays in the
        // heap that web-form's tests keep small (-Xmx96m) on purpose.
        var connection = dataSource.getConnection();
        connection.createStatement().execute("shutdown");
        dataSource.close(); // the pool's connections are dead now; it closes without giving this one back

    }
}
