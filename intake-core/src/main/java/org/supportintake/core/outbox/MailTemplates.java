package org.supportintake.core.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * The citizens' mails from templates under {@code mail/}: {@code NAME.txt.mustache} for the plain text and
 * {@code NAME.html.mustache} for the HTML alternative, where every value is escaped. Values that came from a
 * citizen must already be made inert ({@link InertText}): escaping stops markup, not a mail client's autolinking.
 * Thread-safe.
 */
public final class MailTemplates {

    private final Mustache.Compiler text = compiler().escapeHTML(false);
    private final Mustache.Compiler html = compiler().escapeHTML(true);
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    public MailBody render(String name, Map<String, Object> context) {
        return new MailBody(template(name + ".txt", text).execute(context), template(name + ".html", html).execute(context));
    }

    private Template template(String name, Mustache.Compiler compiler) {
        return compiled.computeIfAbsent(name, key -> {
            try (Reader reader = open(key)) {
                return compiler.compile(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read mail template " + key, e);
            }
        });
    }

    /** A section over an empty text or a zero is left out, as over {@code false}: «Тема: .» is never written. */
    private static Mustache.Compiler compiler() {
        return Mustache.compiler().defaultValue("").emptyStringIsFalse(true).zeroIsFalse(true)
                .withLoader(MailTemplates::open);
    }

    private static Reader open(String name) {
        InputStream in = MailTemplates.class.getResourceAsStream("/mail/" + name + ".mustache");
        if (in == null) {
            throw new IllegalStateException("no mail template " + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
