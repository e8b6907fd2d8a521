package org.supportintake.web.view;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * A template section, {@code {{#keepTogether}}…{{/keepTogether}}}, that keeps ticket numbers and phone
 * numbers in its (already escaped) text on one line: a phone must not show «26-» above «0004217-9».
 * The wrapped matches are digits, spaces, hyphens and a plus only, so the markup stays safe.
 */
public final class KeepTogether implements Mustache.Lambda {

    public static final KeepTogether LAMBDA = new KeepTogether();
    private static final Pattern NUMBERS = Pattern.compile("\\b\\d{2}-\\d{7,}-\\d\\b|(?:\\+7|\\b8) \\d{3} \\d{3}-\\d{2}-\\d{2}\\b");

    private KeepTogether() {
    }

    @Override
    public void execute(Template.Fragment fragment, Writer out) throws IOException {
        out.write(NUMBERS.matcher(fragment.execute()).replaceAll("<span class=\"nowrap\">$0</span>"));
    }
}
