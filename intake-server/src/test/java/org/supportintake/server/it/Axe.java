package org.supportintake.server.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (from npm, pinned in src/test/js/package.json, installed by {@code npm ci} there; .ci/run does
 * it) injected into the page under test. Skipped, loudly, when it is not installed and CI is not set.
 */
final class Axe {

    static final Path SCRIPT = Path.of("src", "test", "js", "node_modules", "axe-core", "axe.min.js");
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
              .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary)}))))
              .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
            """;

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    static Axe load() throws IOException {
        if (!Files.isRegularFile(SCRIPT)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("axe-core is required in CI: npm ci --prefix intake-server/src/test/js");
            }
            System.err.println("\n!!! Accessibility checks SKIPPED: run `npm ci --prefix intake-server/src/test/js` "
                    + "to install axe-core.\n");
            Assumptions.abort("axe-core not installed");
        }
        return new Axe(Files.readString(SCRIPT));
    }

    /** The violations on the page now, one readable line per rule and node; empty when there are none. */
    @SuppressWarnings("unchecked")
    List<String> violations(WebDriver driver, String state) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(source);
        List<Map<String, Object>> found = (List<Map<String, Object>>) js.executeAsyncScript(RUN);
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> violation : found) {
            lines.add(state + ": " + violation.get("id") + " (" + violation.get("impact") + ") " + violation.get("help"));
            ((List<String>) violation.get("nodes")).forEach(node -> lines.add("    " + node.replace("\n", " ")));
        }
        return lines;
    }
}
