package org.supportintake.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.supportintake.server.config.Setting;

/** The README and docs/ as a person who cloned the repository reads them: complete on settings, no broken links. */
class DocumentationTest {

    private static final Path ROOT = repositoryRoot();
    private static final Pattern INLINE_LINK = Pattern.compile("\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s*\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    @Test
    void everySettingTheServerKnowsHasItsRowInTheOperationsGuide() throws IOException {
        List<String> rows = Files.readAllLines(ROOT.resolve("docs/operations.md"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("|")).toList();
        List<String> missing = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            Pattern variable = word(setting.variable());
            Pattern key = word(setting.key());
            if (rows.stream().noneMatch(row -> variable.matcher(row).find() && key.matcher(row).find())) {
                missing.add(setting.variable() + " (" + setting.key() + ")");
            }
        }
        assertThat(missing).as("settings without a row (variable and key) in docs/operations.md").isEmpty();
    }

    @Test
    void noLinkInTheReadmeOrDocsPointsOutsideTheRepository() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            if (text.contains("../shared")) {
                outside.add(ROOT.relativize(page) + ": mentions ../shared");
            }
            for (String target : links(page)) {
                if (isLocal(target) && !resolve(page, target).startsWith(ROOT)) {
                    outside.add(ROOT.relativize(page) + ": " + target);
                }
            }
        }
        assertThat(outside).isEmpty();
    }

    @Test
    void everyRelativeLinkInTheReadmeAndDocsResolvesToAFileOrHeadingThatExists() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String target : links(page)) {
                if (!isLocal(target)) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? page : resolve(page, file);
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /** README.md and every Markdown page under docs/. */
    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The targets of inline and reference links, outside fenced code blocks and code spans. */
    static List<String> links(Path page) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            String text = CODE_SPAN.matcher(line).replaceAll("");
            Matcher inline = INLINE_LINK.matcher(text);
            while (inline.find()) {
                targets.add(inline.group(1));
            }
            Matcher reference = REFERENCE_LINK.matcher(text);
            if (reference.matches()) {
                targets.add(reference.group(1));
            }
        }
        return targets;
    }

    /** A link into this repository: no scheme (http:, mailto: …) and not protocol-relative. */
    private static boolean isLocal(String target) {
        return !target.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !target.startsWith("//");
    }

    private static Path resolve(Path page, String target) {
        return (target.startsWith("/") ? ROOT.resolve(target.substring(1)) : page.getParent().resolve(target)).normalize();
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && line.matches("^#{1,6} .*")) {
                String heading = line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT);
                String anchor = heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                String numbered = anchor;
                for (int repeat = 1; !anchors.add(numbered); repeat++) {
                    numbered = anchor + "-" + repeat;
                }
            }
        }
        return anchors;
    }

    private static Pattern word(String name) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?![\\w.]*\\w)");
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("README.md"))
                    && Files.isDirectory(dir.resolve("intake-server"))) {
                return dir.normalize();
            }
        }
        throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
    }
}
