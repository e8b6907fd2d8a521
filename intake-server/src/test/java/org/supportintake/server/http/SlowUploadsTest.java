package org.supportintake.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlowUploadsTest {

    private static final String[] ATTACKERS = {"127.0.0.1", "127.0.0.10", "127.0.0.11", "127.0.0.12", "127.0.0.13"};
    private static final byte[] SLOW_OPENING = ("POST /feedback HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 20000\r\n\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nЖ").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path files;

    private EdgeServer edge;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        edge.close();
    }

    @Test
    void healthAndAFreshClientAnswerBeforeTheIdleTimeoutWhileThreeHundredSlowUploadsAreOpen() throws Exception {
        edge = new EdgeServer(files, new HttpServer.Edge(Duration.ofSeconds(4), 1024, 10, TrustedProxies.none(), false));
        // A server that has served before (the validator and templates are built on first use), then the attack.
        assertThat(EdgeServer.status(edge.postValidForm("127.0.0.4"))).isEqualTo(303);
        byte[] freshForm = edge.validForm("127.0.0.3");
        for (int i = 0; i < 300; i++) {
            Socket socket = edge.connect(ATTACKERS[i % ATTACKERS.length]);
            socket.getOutputStream().write(SLOW_OPENING);
            socket.getOutputStream().flush();
            sockets.add(socket);
        }

        long started = System.nanoTime();
        String health = edge.get("127.0.0.2", "/health");
        Duration healthTook = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        String posted = edge.send("127.0.0.3", freshForm);
        Duration postTook = Duration.ofNanos(System.nanoTime() - started);

        // Held behind the slow uploads they would wait for the 4 s idle timeout; 2 s leaves room for a busy machine.
        assertThat(EdgeServer.status(health)).isEqualTo(200);
        assertThat(healthTook).isLessThan(Duration.ofSeconds(2));
        assertThat(EdgeServer.status(posted)).as("accepted: redirected to its result page").isEqualTo(303);
        assertThat(posted).contains("Location: /feedback/accepted/");
        assertThat(postTook).isLessThan(Duration.ofSeconds(2));

        // Each address had at most 10 uploads in progress at once, the rest were refused at once with the site's page;
        // and the server closed every one of them soon (the idle timeout), none is left holding a thread. (Under load
        // an upload may be taken only after an earlier one timed out: a count of answers per address cannot tell.)
        int refused = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(12).toNanos();
        for (Socket socket : sockets) {
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
            String answer = readToTheEnd(socket.getInputStream());
            if (EdgeServer.status(answer) == 429) {
                assertThat(answer).contains("Слишком много запросов", "<html lang=\"ru\">");
                refused++;
            }
        }
        assertThat(edge.mostInFlightPerAddress()).isEqualTo(10);
        assertThat(refused).isPositive();
    }

    @Test
    void slowUploadsFromManyAddressesOfOneIpv6Slash64AreBoundAsOneClient() throws Exception {
        edge = new EdgeServer(files, new HttpServer.Edge(Duration.ofSeconds(4), 1024, 2, TrustedProxies.parse("127.0.0.1"),
                false));
        for (int i = 1; i <= 2; i++) {
            Socket socket = edge.connect("127.0.0.1");
            socket.getOutputStream().write(slowOpeningFrom("2001:db8:7:7::" + i));
            socket.getOutputStream().flush();
            sockets.add(socket);
        }
        // The third only once both are in progress, so that it is the one refused.
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (edge.mostInFlightPerAddress() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Socket third = edge.connect("127.0.0.1");
        sockets.add(third);
        third.getOutputStream().write(slowOpeningFrom("2001:db8:7:7:ffff::3"));
        third.getOutputStream().flush();
        third.setSoTimeout(2_000);

        // Refused at once: the status line comes long before the idle timeout would close the connection.
        byte[] statusLine = third.getInputStream().readNBytes(12);

        assertThat(new String(statusLine, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 429");
        assertThat(edge.mostInFlightPerAddress()).isEqualTo(2);
    }

    /** The slow upload as a trusted proxy relays it for {@code client}. */
    private static byte[] slowOpeningFrom(String client) {
        String opening = new String(SLOW_OPENING, StandardCharsets.UTF_8);
        return opening.replaceFirst("\r\n", "\r\nX-Forwarded-For: " + client + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void uploadSlowerThanTheMinimumRateIsCutOffLongBeforeTheIdleTimeout() throws Exception {
        edge = new EdgeServer(files, new HttpServer.Edge(Duration.ofSeconds(20), 1024, 10, TrustedProxies.none(), false));
        Socket socket = edge.connect("127.0.0.1");
        sockets.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(SLOW_OPENING);
        out.flush();
        long started = System.nanoTime();

        Thread trickle = new Thread(() -> {
            try {
                for (int i = 0; i < 60; i++) {
                    Thread.sleep(250);
                    out.write('x');
                    out.flush();
                }
            } catch (IOException | InterruptedException closedByTheServer) {
                // expected
            }
        });
        trickle.start();
        String answer = readToTheEnd(socket.getInputStream());
        trickle.interrupt();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(EdgeServer.status(answer)).isIn(400, 408, -1);
    }

    /** Everything until the server closes the connection; a socket still open at its read timeout fails the test. */
    private static String readToTheEnd(InputStream in) throws IOException {
        try {
            return EdgeServer.readAll(in);
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the server kept a slow upload open", stillOpen);
        } catch (IOException reset) {
            return "";
        }
    }
}
