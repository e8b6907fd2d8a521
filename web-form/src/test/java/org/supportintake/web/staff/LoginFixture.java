package org.supportintake.web.staff;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.supportintake.core.jdbc.JdbcAuditTrail;
import org.supportintake.core.jdbc.JdbcStaffAccounts;
import org.supportintake.core.jdbc.JdbcStaffSessions;
import org.supportintake.core.staff.AccountChange;
import org.supportintake.core.staff.LockoutRule;
import org.supportintake.core.staff.Passwords;
import org.supportintake.core.staff.Role;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.SettableClock;
import org.supportintake.core.testing.TestDatabases;
import org.supportintake.web.WebForm;
import org.supportintake.web.security.AllowedMethods;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The staff site's sign-in on a real Jetty (free port) over H2, with the citizens' filters and the gate as the server
 * wires them, and a stand-in page at {@code /staff} that shows who is signed in and the session's CSRF token.
 */
final class LoginFixture implements AutoCloseable {

    static final String PASSWORD = "пароль оператора 1";
    private static final Pattern HIDDEN = Pattern.compile("name=\"(csrfToken|csrf|next)\" value=\"([^\"]*)\"");

    private final HikariDataSource dataSource = TestDatabases.h2();
    private final IntakeFixture intake = IntakeFixture.on(dataSource);
    final SettableClock clock = new SettableClock();
    final JdbcAuditTrail audit = new JdbcAuditTrail(intake.jdbi());
    /** A light Argon2id cost: this module's tests run on a 96 MB heap, and the standard cost holds 19 MiB a hash. */
    final JdbcStaffAccounts accounts = new JdbcStaffAccounts(intake.jdbi(), audit, clock, LockoutRule.STANDARD,
            Passwords.withCost(1024, 1));
    final JdbcStaffSessions sessions = new JdbcStaffSessions(intake.jdbi(), clock, Duration.ofMinutes(30));
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    final CookieManager cookies = new CookieManager();
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    LoginFixture() throws Exception {
        StaffSite site = new StaffSite(SiteParts.of(intake, accounts, sessions, audit, clock,
                SiteParts.temporaryStore(), SiteParts.NO_REPLAY));
        Map<String, HttpServlet> servlets = new LinkedHashMap<>(site.servlets());
        servlets.put("/staff", new SignedInPage());
        Map<String, java.util.Set<String>> methods = new HashMap<>(WebForm.methods());
        methods.putAll(StaffSite.methods());
        methods.put("/staff", AllowedMethods.READ);
        ServletContextHandler context = new ServletContextHandler();
        WebForm.filters(false, methods).forEach(filter ->
                context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST)));
        context.addFilter(new FilterHolder(site.gate()), "/*", EnumSet.of(DispatcherType.REQUEST));
        servlets.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        server.setHandler(context);
        connector.setPort(0);
        server.addConnector(connector);
        server.start();
        add("petrova");
    }

    void add(String login) {
        if (!(accounts.add(login, Role.OPERATOR, PASSWORD.toCharArray(), "test") instanceof AccountChange.Added)) {
            throw new IllegalStateException("cannot add " + login);
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + connector.getLocalPort() + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts {@code fields} as a browser's urlencoded form. */
    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the login page ({@code query} as given) and posts it with {@code login} and {@code password}. */
    HttpResponse<String> logIn(String query, String login, String password) throws IOException, InterruptedException {
        String page = get("/staff/login" + query).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrfToken", hidden(page, "csrfToken"));
        form.put("next", hidden(page, "next"));
        form.put("login", login);
        form.put("password", password);
        return post("/staff/login", form);
    }

    /** Signs in as petrova and returns the stand-in page's CSRF token. */
    String signedIn() throws IOException, InterruptedException {
        HttpResponse<String> answer = logIn("", "petrova", PASSWORD);
        if (answer.statusCode() != 303) {
            throw new IllegalStateException("sign-in failed: " + answer.statusCode());
        }
        return hidden(get("/staff").body(), "csrf");
    }

    /** The session cookie's value the client holds, or null. */
    String sessionCookie() {
        return cookies.getCookieStore().get(uri("/staff")).stream().filter(c -> c.getName().equals("staff_session"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    static String hidden(String page, String name) {
        Matcher m = HIDDEN.matcher(page);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2).replace("&#x3D;", "=").replace("&amp;", "&").replace("&#x2F;", "/");
            }
        }
        throw new AssertionError("no hidden field " + name + " in:\n" + page);
    }

    IntakeFixture intake() {
        return intake;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        // The in-memory database outlives its pool (DB_CLOSE_DELAY=-1); this module's tests share a 96 MB heap.
        String url = dataSource.getJdbcUrl();
        dataSource.close();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("shutdown");
        }
    }

    /** Stands in for the queue: who is signed in, and the CSRF token a staff form would carry. */
    private static final class SignedInPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/html;charset=utf-8");
            response.getWriter().write("<p>signed in as " + StaffRequest.member(request).login() + "</p>"
                    + "<input type=\"hidden\" name=\"csrf\" value=\"" + StaffRequest.session(request).csrfToken() + "\">");
        }
    }
}
