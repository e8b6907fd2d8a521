package org.supportintake.mail.mime;

import java.util.Objects;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.NodeTraversor;

/** Readable plain text from the HTML body of an email, with earlier messages it quotes marked by "> ". */
public final class HtmlText {

    private HtmlText() {
    }

    /**
     * Renders the HTML as a person would read it. Runs in time linear in the input and without recursion, so
     * deeply nested or very large hostile markup is safe. Thread safe.
     */
    public static String toText(String html) {
        Document document = Jsoup.parse(Objects.requireNonNull(html, "html"));
        TextLayout layout = new TextLayout();
        NodeTraversor.filter(new HtmlWalk(layout), document);
        return layout.text();
    }
}
