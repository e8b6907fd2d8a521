package org.supportintake.mail.mime;

import java.util.Locale;

import org.jsoup.nodes.Element;

/** Writes a link as "text (address)", unless the address adds nothing for a reader. */
final class Links {

    private final TextLayout layout;
    private Element open;

    Links(TextLayout layout) {
        this.layout = layout;
    }

    void open(Element link) {
        // a link inside a link is not valid HTML; the outer one alone decides
        if (open == null) {
            open = link;
            layout.startCapture();
        }
    }

    void close(Element link) {
        if (link != open) {
            return;
        }
        open = null;
        String text = layout.endCapture().strip();
        String address = link.attr("href").strip();
        if (!text.isEmpty() && isWebAddress(address) && !bare(text).equalsIgnoreCase(bare(address))) {
            layout.text(" (" + address + ")");
        }
    }

    /** Only addresses a reader can open; mailto:, cid:, javascript: and page anchors say nothing more than the text. */
    private static boolean isWebAddress(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("ftp://");
    }

    private static String bare(String address) {
        int scheme = address.indexOf("://");
        String rest = scheme >= 0 ? address.substring(scheme + 3) : address;
        return rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
    }
}
