package org.supportintake.web.staff;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.supportintake.attachments.inspection.Inspection;
import org.supportintake.attachments.policy.AttachmentVerdict;
import org.supportintake.attachments.policy.ReceivedFile;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.attachments.store.StagedFile;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.jdbc.JdbcAuditTrail;
import org.supportintake.core.jdbc.JdbcStaffSessions;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.staff.LoginOutcome;
import org.supportintake.core.staff.Role;
import org.supportintake.core.staff.StaffAccounts;
import org.supportintake.core.staff.StaffMember;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.testing.TestDatabases;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.web.WebForm;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The staff site on a real Jetty (free port) over H2, as the server assembles it: the site's filters, the staff gate,
 * {@link StaffSite}'s servlets. Staff sign in by a {@code staff_account} row and a session opened directly; API tokens
 * come from a small {@link StaffAccounts} of this fixture's own (the accounts' token table is another part of issue 15).
 */
final class TicketSiteFixture implements AutoCloseable {

    private final HikariDataSource dataSource = TestDatabases.h2();
    private final IntakeFixture intake = IntakeFixture.on(dataSource);
    private final JdbcStaffSessions sessions = new JdbcStaffSessions(intake.jdbi(), intake.clock(), Duration.ofMinutes(30));
    private final Map<String, StaffMember> tokens = new HashMap<>();
    final FileStore store;
    final AuditTrail audit = new JdbcAuditTrail(intake.jdbi());
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final HttpClient client = HttpClient.newHttpClient();

    /** A signed-in browser: its session cookie and the CSRF token of its forms. */
    record Browser(String cookie, String csrf, StaffMember member) {
    }

    TicketSiteFixture(Path files) throws Exception {
        store = new FileStore(files);
        StaffAccounts accounts = new StaffAccounts() {
            @Override
            public LoginOutcome logIn(String login, char[] password, String address) {
                throw new UnsupportedOperationException("no password sign-in in these tests");
            }

            @Override
            public Optional<StaffMember> byApiToken(String token) {
                return Optional.ofNullable(tokens.get(token));
            }
        };
        StaffSite site = new StaffSite(SiteParts.of(intake, accounts, sessions, audit, intake.clock(), store,
                SiteParts.NO_REPLAY));
        Map<String, java.util.Set<String>> methods = new HashMap<>(WebForm.methods());
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

    static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SlaCalendar.MOSCOW).toInstant();
    }

    /** A staff account of {@code role}, signed in. */
    Browser signIn(String login, Role role) {
        StaffMember member = account(login, role);
        String cookie = sessions.open(member);
        return new Browser(cookie, sessions.resume(cookie).orElseThrow().csrfToken(), member);
    }

    /** A staff account of {@code role} with an API token; returns the token. */
    String token(String login, Role role) {
        String token = "token-" + login;
        tokens.put(token, account(login, role));
        return token;
    }

    private StaffMember account(String login, Role role) {
        long id = intake.jdbi().withHandle(h -> h.createUpdate("insert into staff_account (login, role, password_hash, "
                        + "created_at) values (:login, :role, 'not used', current_timestamp)")
                .bind("login", login).bind("role", role.code())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new StaffMember(id, login, role);
    }

    /** An email ticket received Thursday 3 December 2026, 12:00 (мск): due Tuesday 8 December, 12:00. */
    TicketNumber emailTicket(String text, ReceivedFile... files) {
        Submission.Builder mail = Submissions.email(moscow("2026-12-03T12:00")).text(text);
        for (ReceivedFile file : files) {
            mail.attachment(file);
        }
        return ((IntakeOutcome.Created) intake.service().accept(mail.build())).ticketNumber();
    }

    /** An accepted file whose bytes are in the store. */
    ReceivedFile storedFile(String name, String detectedType, byte[] bytes) {
        StagedFile staged = store.stage(new ByteArrayInputStream(bytes), 10_000_000, 64);
        store.keep(staged);
        return new ReceivedFile(name, detectedType, new Inspection(detectedType, bytes.length, staged.sha256(), List.of()),
                AttachmentVerdict.accepted());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + connector.getLocalPort() + path);
    }

    HttpResponse<String> get(Browser browser, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Cookie", StaffRequest.COOKIE + "=" + browser.cookie())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> download(Browser browser, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Cookie", StaffRequest.COOKIE + "=" + browser.cookie())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts {@code fields} (name, value, …) with the browser's CSRF token, as its forms do. */
    HttpResponse<String> post(Browser browser, String path, String... fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(StaffRequest.CSRF_FIELD, browser.csrf());
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return postRaw(browser, path, form);
    }

    HttpResponse<String> postRaw(Browser browser, String path, Map<String, String> form) throws Exception {
        return postRaw(browser, path, form, Map.of());
    }

    /** Posts {@code form} as it stands, with the browser's cookie and {@code headers} (such as its Origin). */
    HttpResponse<String> postRaw(Browser browser, String path, Map<String, String> form, Map<String, String> headers)
            throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Cookie", StaffRequest.COOKIE + "=" + browser.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        return client.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> api(String token, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The audit, newest first. */
    List<AuditEntry> auditRows() {
        return audit.find(AuditTrail.AuditFilter.any(), Optional.empty(), 1000).entries();
    }

    String text(String sql) {
        return intake.text(sql);
    }

    long rows(String table) {
        return intake.rows(table);
    }

    Instant instant(String sql) {
        return intake.instant(sql);
    }

    IntakeFixture intake() {
        return intake;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        dataSource.close();
        // The in-memory database outlives its pool (DB_CLOSE_DELAY=-1): dropped here, or the tests' small heap fills up.
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(dataSource.getJdbcUrl(), "sa", "")) {
            connection.createStatement().execute("shutdown");
        }
    }
}
