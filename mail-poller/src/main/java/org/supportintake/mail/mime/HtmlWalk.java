package org.supportintake.mail.mime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/** Walks parsed HTML in document order and tells a {@link TextLayout} what each node means to a reader. */
final class HtmlWalk implements NodeFilter {

    private static final Set<String> DROPPED = Set.of("script", "style", "head", "title", "template");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre");
    private static final Set<String> BLOCKS = Set.of("div", "hr", "ul", "ol", "table", "caption", "tr",
            "dl", "dt", "dd", "address", "article", "aside", "center", "details", "fieldset", "figcaption", "figure",
            "footer", "form", "header", "main", "nav", "section", "summary");
    /** Outlook on the web opens the earlier message with this element and writes it unmarked after it. */
    private static final String OUTLOOK_REPLY_HEADER = "divRplyFwdMsg";

    private final TextLayout layout;
    private final ListMarkers lists = new ListMarkers();
    private final Deque<Integer> rowStarts = new ArrayDeque<>();
    private final Links links;
    private int preformatted;

    HtmlWalk(TextLayout layout) {
        this.layout = layout;
        this.links = new Links(layout);
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode text) {
            text(text.getWholeText());
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element element)) {
            return FilterResult.CONTINUE; // comments, and the data of scripts and styles
        }
        String name = element.normalName();
        if (DROPPED.contains(name) || isHidden(element)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        if (OUTLOOK_REPLY_HEADER.equals(element.id())) {
            layout.quote(); // never undone: everything after the header is the earlier message
        }
        switch (name) {
            case "br" -> layout.hardBreak();
            case "blockquote" -> layout.quote();
            case "ul", "ol" -> lists.start(element);
            case "li" -> layout.startListItem(lists.next());
            case "tr" -> rowStarts.push(layout.length());
            case "td", "th" -> startCell();
            case "a" -> links.open(element);
            case "img" -> layout.text(element.attr("alt"));
            case "pre" -> preformatted++;
            default -> { }
        }
        breakAround(name);
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (!(node instanceof Element element)) {
            return FilterResult.CONTINUE;
        }
        String name = element.normalName();
        switch (name) {
            case "blockquote" -> layout.unquote();
            case "ul", "ol" -> lists.end();
            case "li" -> layout.endListItem();
            case "tr" -> rowStarts.pop();
            case "td", "th" -> layout.endCell();
            case "a" -> links.close(element);
            case "pre" -> preformatted--;
            default -> { }
        }
        breakAround(name);
        return FilterResult.CONTINUE;
    }

    private void text(String text) {
        if (preformatted > 0) {
            layout.preformatted(text);
        } else if (rowStarts.isEmpty() && text.indexOf('\u00A0') >= 0 && text.replace('\u00A0', ' ').isBlank()) {
            layout.emptyLine();
        } else {
            layout.text(text);
        }
    }

    private void breakAround(String name) {
        if (PARAGRAPHS.contains(name)) {
            layout.paragraphBreak();
        } else if (BLOCKS.contains(name)) {
            layout.lineBreak();
        }
    }

    private void startCell() {
        layout.startCell(rowStarts.isEmpty() ? Integer.MAX_VALUE : rowStarts.peek());
    }

    private static boolean isHidden(Element element) {
        if (element.hasAttr("hidden")) {
            return true;
        }
        String style = element.attr("style").toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        return style.contains("display:none") || style.contains("mso-hide:all");
    }
}
