package org.supportintake.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;

import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.jdbc.JdbcTicketLookup;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.TestDatabases;
import org.supportintake.web.WebForm;
import org.supportintake.web.security.AllowedMethods;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The citizens' web and {@code /health} on the real {@link HttpServer} (free port, H2), wired as the application
 * wires them, with extra servlets for a test; and a raw HTTP/1.1 client that can speak from any loopback address.
 */
final class EdgeServer implements AutoCloseable {

    static final long MB = 1024L * 1024L;
    private static final Pattern HIDDEN = Pattern.compile("name=\"(csrfToken|submissionToken)\" value=\"([^\"]+)\"");

    private final HikariDataSource dataSource = TestDatabases.h2();
    private final IntakeFixture intake = IntakeFixture.on(dataSource);
    private final HttpServer server;

    EdgeServer(Path files, HttpServer.Edge edge, WebForm.Limits limits, Map<String, HttpServlet> extra) {
        Map<String, HttpServlet> servlets = new LinkedHashMap<>(WebForm.servlets(intake.service(),
                new AttachmentInspector(new FileStore(files)), new JdbcTicketLookup(intake.jdbi()),
                intake.ratings(intake.clock()), limits, edge.https(), intake.jdbi(), intake.clock()));
        servlets.put("/health", new HealthServlet(dataSource, List::of));
        servlets.putAll(extra);
        Map<String, Set<String>> methods = new HashMap<>(WebForm.methods());
        methods.put("/health", AllowedMethods.READ);
        server = new HttpServer(0, servlets, WebForm.filters(edge.https(), methods), edge).start();
    }

    EdgeServer(Path files, HttpServer.Edge edge) {
        this(files, edge, generous(), Map.of());
    }

    static WebForm.Limits generous() {
        return new WebForm.Limits(AttachmentPolicy.form(), 30 * MB, 1000, 1000, 1000);
    }

    int port() {
        return server.port();
    }

    int mostInFlightPerAddress() {
        return server.mostInFlightPerAddress();
    }

    IntakeFixture intake() {
        return intake;
    }

    /** A socket to the server from {@code from} (any 127.x.y.z works on Linux loopback). */
    Socket connect(String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port()), 2_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends {@code request} from {@code from} with {@code Connection: close} and returns the whole answer. */
    String send(String from, byte[] request) throws IOException {
        try (Socket socket = connect(from)) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    String send(String from, String request) throws IOException {
        return send(from, request.getBytes(StandardCharsets.UTF_8));
    }

    String get(String from, String path, String... headers) throws IOException {
        return send(from, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + String.join("", List.of(headers).stream().map(h -> h + "\r\n").toList()) + "\r\n");
    }

    /** Loads the form from {@code from} and posts it back filled in, as a browser there would; the whole answer. */
    String postValidForm(String from, String... headers) throws IOException {
        return send(from, validForm(from, headers));
    }

    /** The request a browser at {@code from} sends after loading the form and filling it in. */
    byte[] validForm(String from, String... headers) throws IOException {
        String page = get(from, "/", headers);
        Matcher cookie = Pattern.compile("Set-Cookie: (intake_csrf=[0-9a-f]+)").matcher(page);
        if (!cookie.find()) {
            throw new AssertionError("no CSRF cookie in " + page);
        }
        String boundary = "----edge" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrfToken", hidden(page, "csrfToken"));
        fields.put("submissionToken", hidden(page, "submissionToken"));
        fields.put("fullName", "Иванова Мария Петровна");
        fields.put("email", "ivanova@example.ru");
        fields.put("phone", "8 (912) 345-67-89");
        fields.put("category", "technical_problem");
        fields.put("subject", "Не открывается личный кабинет");
        fields.put("description", "После ввода пароля страница личного кабинета не загружается уже второй день.");
        fields.put("consent", "yes");
        fields.forEach((name, value) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        byte[] content = body.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /feedback HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nCookie: "
                + cookie.group(1) + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
                + content.length + "\r\n" + String.join("", List.of(headers).stream().map(h -> h + "\r\n").toList())
                + "\r\n").getBytes(StandardCharsets.UTF_8));
        request.writeBytes(content);
        return request.toByteArray();
    }

    private static String hidden(String page, String name) {
        Matcher m = HIDDEN.matcher(page);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no hidden field " + name);
    }

    /** The status line's code of an answer read so far, or -1. */
    static int status(String answer) {
        return answer.startsWith("HTTP/1.1 ") && answer.length() >= 12 ? Integer.parseInt(answer.substring(9, 12)) : -1;
    }

    static String body(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        return end < 0 ? "" : answer.substring(end + 4);
    }

    static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        server.close();
        dataSource.close();
    }
}
