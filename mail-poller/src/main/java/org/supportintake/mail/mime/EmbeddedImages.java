package org.supportintake.mail.mime;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pictures written into an email's HTML as {@code <img src="data:image/png;base64,…">} (RFC 2397), as web mail and
 * the rich-text editors of web forms put a pasted screenshot: the picture is in no MIME part, so without this it is
 * lost with the markup. Only {@code <img>} sources are taken, not CSS backgrounds (a template's decoration). One
 * pass over the markup, each look-around bounded, so hostile markup costs linear time.
 */
final class EmbeddedImages {

    /** A picture found in the markup: the type its URI declares, and its bytes. */
    record Image(String declaredType, byte[] bytes) {
    }

    private static final Pattern DATA_IMAGE = Pattern.compile("(?i)data:(image/[a-z0-9.+-]{1,40})");
    private static final Pattern SOURCE_BEFORE = Pattern.compile("(?i)\\ssrc\\s*=\\s*[\"']?\\s*$");
    private static final int SOURCE_WINDOW = 40;
    private static final int MAX_PARAMETERS = 200;

    private EmbeddedImages() {
    }

    /** The pictures in {@code html}, in order; one whose base64 is broken is reported to {@code monitor} and left out. */
    static List<Image> in(String html, DecodeMonitor monitor) {
        List<Image> images = new ArrayList<>();
        Matcher data = DATA_IMAGE.matcher(html);
        int scanned = 0;
        int tag = -1;
        while (data.find()) {
            for (; scanned < data.start(); scanned++) {
                char c = html.charAt(scanned);
                tag = c == '<' ? scanned : c == '>' ? -1 : tag;
            }
            int payload = base64Start(html, data.end());
            if (tag < 0 || payload < 0 || !isImg(html, tag) || !isSource(html, data.start())) {
                continue;
            }
            int end = payload;
            while (end < html.length() && isBase64(html.charAt(end))) {
                end++;
            }
            try {
                byte[] bytes = Base64.getMimeDecoder().decode(html.substring(payload, end));
                if (bytes.length > 0) {
                    images.add(new Image(data.group(1).toLowerCase(Locale.ROOT), bytes));
                }
            } catch (IllegalArgumentException broken) {
                monitor.warn("a picture written into the HTML (data: URI) has broken base64 and was not read");
            }
        }
        return images;
    }

    /** Where the base64 starts after the media type's parameters ({@code ;name=…;base64,}); -1 when it is no base64. */
    private static int base64Start(String html, int from) {
        int limit = Math.min(html.length(), from + MAX_PARAMETERS);
        for (int i = from; i < limit; i++) {
            char c = html.charAt(i);
            if (c == ',') {
                return html.regionMatches(true, i - ";base64".length(), ";base64", 0, ";base64".length()) ? i + 1 : -1;
            }
            if (c == '"' || c == '\'' || c == '>' || c == '<') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isImg(String html, int tag) {
        return html.regionMatches(true, tag, "<img", 0, 4) && tag + 4 < html.length()
                && Character.isWhitespace(html.charAt(tag + 4));
    }

    private static boolean isSource(String html, int dataStart) {
        return SOURCE_BEFORE.matcher(html.substring(Math.max(0, dataStart - SOURCE_WINDOW), dataStart)).find();
    }

    private static boolean isBase64(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '='
                || c == '\r' || c == '\n' || c == ' ' || c == '\t';
    }
}
