package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.supportintake.core.validation.Blank;

/**
 * The text of one message (or of one forwarded message inside it), decoded, line breaks made "\n": the parts read as
 * the message's text, plain and HTML, in their order (an HTML body beside a plain footer a gateway added, an inline HTML
 * page beside the plain text), and apart from them the HTML alternatives of a plain text, made text only when asked
 * for, which is when there is no plain text: most mail sends both, and parsing the HTML alternative was a tenth of the
 * reading thread's time. All text of a message, forwarded ones included, shares one byte budget.
 */
final class TextParts {

    /** Bytes of text still allowed for the whole message. */
    private static final class Allowance {
        private final int max;
        private int left;

        Allowance(int max) {
            this.max = max;
            this.left = max;
        }
    }

    private final Allowance allowance;
    private final DecodeMonitor monitor;
    /** One part of the message's text: plain, or HTML markup made text when the text is asked for. */
    private record Piece(String text, boolean html) {
        String readable() {
            return html ? HtmlText.toText(text) : text;
        }
    }

    private final List<Piece> body = new ArrayList<>();
    private final List<String> html = new ArrayList<>();
    private String htmlText;

    TextParts(int maxBytes, DecodeMonitor monitor) {
        this(new Allowance(maxBytes), monitor);
    }

    private TextParts(Allowance allowance, DecodeMonitor monitor) {
        this.allowance = allowance;
        this.monitor = monitor;
    }

    /** Text parts of a forwarded message: kept apart, paid from the same budget. */
    TextParts nested() {
        return new TextParts(allowance, monitor);
    }

    /**
     * Adds a text part, to the message's text when {@code main}, else as an HTML alternative; returns its text as
     * decoded (for HTML, the markup).
     */
    String add(String type, InputStream in, ContentHeader contentType, boolean main) throws IOException {
        String charset = contentType.parameter("charset").orElse("");
        byte[] bytes = in.readNBytes(allowance.left);
        if (in.read() >= 0) {
            monitor.warn("text longer than " + allowance.max + " bytes was cut");
        }
        allowance.left -= bytes.length;
        String text = TextDecoding.decode(bytes, charset).replace("\r\n", "\n").replace('\r', '\n');
        if (type.equals("text/plain")) {
            boolean flowed = contentType.parameter("format").filter("flowed"::equalsIgnoreCase).isPresent();
            boolean deleteSpace = contentType.parameter("delsp").filter("yes"::equalsIgnoreCase).isPresent();
            body.add(new Piece(flowed ? FlowedText.unflow(text, deleteSpace) : text, false));
        } else if (main) {
            body.add(new Piece(text, true));
        } else {
            html.add(text);
            htmlText = null;
        }
        return text;
    }

    /** Text outside any part (a multipart's preamble or epilogue): no charset is declared for it, so it is guessed. */
    String decodeOutside(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(allowance.left);
        if (in.read() >= 0) {
            monitor.warn("text longer than " + allowance.max + " bytes was cut");
        }
        allowance.left -= bytes.length;
        return TextDecoding.guess(bytes).replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    void addPlain(String text) {
        body.add(new Piece(text, false));
    }

    /** The message's text: its parts in order, HTML ones made text. */
    String plain() {
        return String.join("\n\n", body.stream().map(Piece::readable).filter(part -> !Blank.is(part)).toList()).strip();
    }

    /** True when a plain text part of the message's text holds something a reader sees. */
    boolean hasPlain() {
        return body.stream().anyMatch(piece -> !piece.html() && !Blank.is(piece.text()));
    }

    String html() {
        if (htmlText == null) {
            htmlText = String.join("\n\n", html.stream().map(HtmlText::toText).toList()).strip();
        }
        return htmlText;
    }

    /** The message's text, else the text of the HTML alternatives. */
    String best() {
        return Blank.is(plain()) ? html() : plain();
    }
}
