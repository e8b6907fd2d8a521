package org.supportintake.web.view;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * A template section, {@code {{#english}}…{{/english}}}, that marks English phrases in its (already escaped) text as
 * English: a failure's reason is written for the administrator in English («MIME parts nested deeper than 20 levels»),
 * and on a Russian page a screen reader would read it with Russian sounds. Three or more Latin words in a row, not all
 * capitals, are a phrase; a single term («Message-ID») or an address stays as it is. A match never starts inside a character reference.
 */
public final class EnglishPhrases implements Mustache.Lambda {

    public static final EnglishPhrases LAMBDA = new EnglishPhrases();
    private static final String WORD = "[A-Za-z]+(?:['-][A-Za-z]+)*";
    private static final Pattern PHRASE = Pattern.compile("(?<![&#\\w.@-])" + WORD + "(?:(?:[ \\t\\n,:;()\\d]|\\.(?=\\s))+"
            + WORD + "){2,}");
    private static final Pattern LOWER_CASE = Pattern.compile("[a-z]{2}");

    private EnglishPhrases() {
    }

    @Override
    public void execute(Template.Fragment fragment, Writer out) throws IOException {
        // Capitals alone («PDF, JPEG, PNG») are names of formats, read letter by letter in either language.
        out.write(PHRASE.matcher(fragment.execute()).replaceAll(phrase -> LOWER_CASE.matcher(phrase.group()).find()
                ? Matcher.quoteReplacement("<span lang=\"en\">" + phrase.group() + "</span>")
                : Matcher.quoteReplacement(phrase.group())));
    }
}
