package org.supportintake.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportintake.attachments.store.UnableToStoreAttachmentException;
import org.supportintake.web.WebForm;

/**
 * A request that fails because the service's parts are out of reach (the pool gets no connection from the
 * database, the disk is full) is told to try again: 503 with Retry-After, the site's page or the API's JSON, nothing
 * internal. Any other failure stays a 500. On a real Jetty, with the failures thrown as the pool and the store
 * throw them.
 */
class OutageAnswersTest {

    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Server server = new Server();
    private final HttpClient client = HttpClient.newHttpClient();
    private int port;

    @BeforeEach
    void start() throws Exception {
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new UnexpectedFailures(WebForm.errorPages())), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) {
                throw failure.get();
            }
        }), "/*");
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void databaseOutOfReachIsA503PageAndA503JsonAskingToTryAgain() throws Exception {
        failure.set(new IllegalStateException("Unable to execute statement", new SQLTransientConnectionException(
                "intake - Connection is not available, request timed out after 30000ms.", "08001",
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"))));

        HttpResponse<String> page = post("/feedback");
        HttpResponse<String> api = post("/api/v1/submissions");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(page.body()).contains("<html lang=\"ru\">", "<h1>Сервис временно недоступен</h1>",
                "ничего не сохранено", "Попробуйте снова через несколько минут").doesNotContain("SQL", "Connection", "Exception");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.body()).startsWith("{\"error\":\"unavailable\"").doesNotContain("SQL", "Connection");
    }

    @Test
    void fullDiskIsA503Page() throws Exception {
        failure.set(new UnableToStoreAttachmentException("cannot stage content in /data/files/staging: "
                + "No space left on device", new IOException("No space left on device")));

        HttpResponse<String> page = post("/feedback");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("<h1>Сервис временно недоступен</h1>").doesNotContain("space", "staging");
    }

    @Test
    void aFaultInTheCodeStaysA500() throws Exception {
        failure.set(new IllegalStateException("a form submission cannot be Ignored"));

        assertThat(post("/feedback").statusCode()).isEqualTo(500);
    }
}
