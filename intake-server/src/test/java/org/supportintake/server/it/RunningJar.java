package org.supportintake.server.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The packaged {@code intake-server.jar} started as a separate process in a working directory of the test's choosing. */
final class RunningJar implements AutoCloseable {

    private static final Path JAR = Path.of("target", "intake-server.jar").toAbsolutePath();

    private final Process process;
    private final int port;
    private final Path log;
    private final Map<String, String> environment;

    private RunningJar(Process process, int port, Path log, Map<String, String> environment) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.environment = environment;
    }

    /** Starts the jar on a free HTTP port; its demo mail server, if it runs one, on free ports unless given. */
    static RunningJar start(Path workingDir, Map<String, String> environment) throws IOException {
        int port = freePort();
        Path log = workingDir.resolve("server.log");
        Map<String, String> withPort = new java.util.HashMap<>(environment);
        withPort.put("INTAKE_HTTP_PORT", Integer.toString(port));
        withPort.putIfAbsent("INTAKE_DEMO_SMTP_PORT", Integer.toString(freePort()));
        withPort.putIfAbsent("INTAKE_DEMO_IMAP_PORT", Integer.toString(freePort()));
        return new RunningJar(command(workingDir, withPort, log).start(), port, log, Map.copyOf(withPort));
    }

    /** {@code java -jar intake-server.jar} in {@code workingDir} with only the given INTAKE_ variables, output to {@code log}. */
    static ProcessBuilder command(Path workingDir, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("INTAKE_"));
        builder.environment().putAll(environment);
        return builder;
    }

    /** Polls {@code path} until it answers or {@code limit} passes; the last response, or null. */
    HttpResponse<String> awaitAnswer(String path, Duration limit) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        return null;
    }

    Path log() {
        return log;
    }

    int port() {
        return port;
    }

    int demoSmtpPort() {
        return Integer.parseInt(environment.get("INTAKE_DEMO_SMTP_PORT"));
    }

    int demoImapPort() {
        return Integer.parseInt(environment.get("INTAKE_DEMO_IMAP_PORT"));
    }

    /** {@code kill -9}: the JVM gets no chance to finish anything (SIGKILL on Linux). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server survived kill -9");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
