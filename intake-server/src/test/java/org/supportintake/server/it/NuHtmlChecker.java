package org.supportintake.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Nu Html Checker (vnu.jar from npm, pinned in src/test/js/package.json, installed by {@code npm ci} there) run
 * once over every page state a test collected: one JVM for all of them, as a run per page would cost seconds each.
 * Skipped, loudly, when it is not installed and CI is not set.
 */
final class NuHtmlChecker {

    static final Path JAR = Path.of("src", "test", "js", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    private final Path dir;
    private final Map<String, String> states = new LinkedHashMap<>();

    private NuHtmlChecker(Path dir) {
        this.dir = dir;
    }

    /** A checker whose pages are kept under target/html/{@code suite} for a person to open. */
    static NuHtmlChecker load(String suite) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("vnu-jar is required in CI: npm ci --prefix intake-server/src/test/js");
            }
            System.err.println("\n!!! HTML validation SKIPPED: run `npm ci --prefix intake-server/src/test/js` "
                    + "to install vnu-jar.\n");
            Assumptions.abort("vnu-jar not installed");
        }
        Path dir = Path.of("target", "html", suite);
        if (Files.isDirectory(dir)) {
            try (var old = Files.list(dir)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        return new NuHtmlChecker(Files.createDirectories(dir));
    }

    /** Keeps {@code html}, the page of {@code state}, for the one run of {@link #errors()}. */
    void page(String state, String html) throws IOException {
        String file = state.replaceAll("[^A-Za-z0-9._-]", "_") + ".html";
        if (states.putIfAbsent(file, state) != null) {
            throw new IllegalArgumentException("a second page named " + state);
        }
        Files.writeString(dir.resolve(file), html, StandardCharsets.UTF_8);
    }

    /**
     * The checker's errors on every page kept, one line each naming the page state, the line and the message; its
     * warnings are printed, not returned, for a person to judge.
     */
    List<String> errors() throws IOException, InterruptedException {
        if (states.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--format", "json", "--stdout", "--exit-zero-always"));
        states.keySet().forEach(file -> command.add(dir.resolve(file).toString()));
        Process vnu = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = vnu.getInputStream().readAllBytes();
        if (!vnu.waitFor(2, TimeUnit.MINUTES) || vnu.exitValue() != 0) {
            throw new IllegalStateException("vnu.jar failed: " + new String(out, StandardCharsets.UTF_8));
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode message : new ObjectMapper().readTree(out).path("messages")) {
            String url = message.path("url").asText();
            String state = states.getOrDefault(url.substring(url.lastIndexOf('/') + 1), url);
            String line = state + " (line " + message.path("lastLine").asText("?") + "): " + message.path("message").asText()
                    + " «" + message.path("extract").asText("").replace("\n", " ").strip() + "»";
            if ("error".equals(message.path("type").asText()) || "fatal".equals(message.path("subType").asText())) {
                errors.add("HTML error in " + line);
            } else {
                System.out.println("HTML " + message.path("subType").asText(message.path("type").asText()) + " in " + line);
            }
        }
        return errors;
    }
}
