package org.supportintake.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.jdbc.JdbcTicketLookup;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.SettableClock;
import org.supportintake.core.testing.TestDatabases;

import com.zaxxer.hikari.HikariDataSource;

/** The citizens' web on a real Jetty (free port) over H2, and a browser-like client that keeps cookies. */
final class WebFixture implements AutoCloseable {

    static final long MAX_REQUEST = 30L * 1024 * 1024;
    private static final Pattern HIDDEN = Pattern.compile("name=\"(csrfToken|submissionToken)\" value=\"([^\"]+)\"");

    private final HikariDataSource dataSource;
    private final boolean ownsDatabase;
    /** The rating links' clock: tests set it to the answer's time and move it past the rating window. */
    final SettableClock ratingClock = new SettableClock();
    private final IntakeFixture intake;
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    WebFixture(Path files, WebForm.Limits limits) throws Exception {
        this(files, limits, TestDatabases.h2(), true);
    }

    /** A second node: its own server on the database of {@code node}, as two server processes on one database. */
    WebFixture(Path files, WebForm.Limits limits, WebFixture node) throws Exception {
        this(files, limits, node.dataSource, false);
    }

    private WebFixture(Path files, WebForm.Limits limits, HikariDataSource dataSource, boolean ownsDatabase)
            throws Exception {
        this.dataSource = dataSource;
        this.ownsDatabase = ownsDatabase;
        this.intake = IntakeFixture.on(dataSource);
        FileStore store = new FileStore(files);
        ServletContextHandler context = new ServletContextHandler();
        WebForm.filters(false, WebForm.methods()).forEach(filter ->
                context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST)));
        WebForm.servlets(intake.service(), new AttachmentInspector(store), new JdbcTicketLookup(intake.jdbi()),
                intake.ratings(ratingClock), limits, intake.jdbi(), intake.clock()).forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        server.setHandler(context);
        connector.setPort(0);
        server.addConnector(connector);
        server.start();
    }

    static WebForm.Limits generous() {
        return new WebForm.Limits(AttachmentPolicy.form(), MAX_REQUEST, 1000, 1000, 1000);
    }

    /** This server's own origin, as a browser on its page would send it. */
    String origin() {
        return "http://localhost:" + connector.getLocalPort();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + connector.getLocalPort() + path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Multipart body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.header("Content-Type", body.contentType())
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page a 303 sends the browser to. */
    HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location in a " + redirect.statusCode() + " answer"));
        return get(location);
    }

    /** The hidden tokens of the form page just fetched. */
    static String hidden(String page, String name) {
        Matcher m = HIDDEN.matcher(page);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no hidden field " + name);
    }

    /** A valid form as a browser would post it after loading the page. */
    Multipart validForm() throws Exception {
        String page = get("/").body();
        return new Multipart()
                .field("csrfToken", hidden(page, "csrfToken"))
                .field("submissionToken", hidden(page, "submissionToken"))
                .field("website", "")
                .field("fullName", "Иванова Мария Петровна")
                .field("email", "ivanova@example.ru")
                .field("phone", "8 (912) 345-67-89")
                .field("category", "technical_problem")
                .field("subject", "Не открывается личный кабинет")
                .field("description", "После ввода пароля страница личного кабинета не загружается уже второй день.")
                .field("consent", "yes");
    }

    /** Closes the database under the running server: every intake fails from now on, as an outage would. */
    void breakDatabase() {
        dataSource.close();
    }

    /** Sends {@code request} as it is (CRLF line ends are the caller's) and returns the whole answer as text. */
    String raw(String request) throws Exception {
        return raw(request.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes on one thread and reads on this one, as a browser does: a server that refuses a body answers and closes
     * before it is all sent, and the write that then fails (broken pipe) must not lose the answer already read.
     */
    String raw(byte[] request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", connector.getLocalPort())) {
            socket.setSoTimeout(20_000);
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(request);
                    socket.getOutputStream().flush();
                } catch (java.io.IOException refusedMidway) {
                    // the server answered early and closed; the answer is read below
                }
            }, "raw-request-writer");
            writer.start();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = socket.getInputStream().read(buffer); n > 0; n = socket.getInputStream().read(buffer)) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                if (answer.size() == 0) {
                    throw reset;
                }
            }
            writer.join(20_000);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    IntakeFixture intake() {
        return intake;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        if (ownsDatabase) {
            shutDown(dataSource);
        }
    }

    /** Drops an in-memory H2 database (it outlives its pool, DB_CLOSE_DELAY=-1) and closes the pool. */
    static void shutDown(HikariDataSource database) {
        if (!database.isClosed()) {
            try (var connection = database.getConnection(); var statement = connection.createStatement()) {
                statement.execute("shutdown");
            } catch (java.sql.SQLException alreadyGone) {
                // nothing left to drop
            }
        }
        database.close();
    }
}
