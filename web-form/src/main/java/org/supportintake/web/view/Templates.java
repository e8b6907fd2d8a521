package org.supportintake.web.view;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/** Mustache templates from {@code /templates}, HTML-escaped by default, compiled once. Thread-safe. */
public final class Templates {

    private final Mustache.Compiler compiler = Mustache.compiler()
            .escapeHTML(true)
            .emptyStringIsFalse(true)
            .defaultValue("")
            .withLoader(Templates::open);
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    public String render(String name, Object context) {
        return compiled.computeIfAbsent(name, n -> compiler.compile(open(n))).execute(context);
    }

    private static Reader open(String name) {
        var in = Templates.class.getResourceAsStream("/templates/" + name + ".mustache");
        if (in == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("template " + name));
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
