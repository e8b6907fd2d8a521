package org.supportintake.mail.mime;

/** Plain text built line by line, each line prefixed by "> " once per level of quoting. Not thread safe. */
final class TextLayout {

    /** Beyond this, deeper quotes share one prefix: hostile nesting must not make the output quadratic. */
    static final int MAX_QUOTE_DEPTH = 10;

    /** What goes between the text written so far and the next visible character; the strongest request wins. */
    private enum Gap { NONE, SPACE, CELL, LINE, BLANK }

    private final StringBuilder out = new StringBuilder();
    private Gap gap = Gap.NONE;
    private int quoteDepth;
    private int lineQuoteDepth;
    private String marker = "";
    /** A list item or a table cell has begun and shown nothing yet: the blocks it opens with add no break. */
    private boolean holding;
    private StringBuilder capture;

    void text(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            character(text.charAt(i));
        }
    }

    /** Text from a {@code pre} element: its line breaks are kept, its spaces collapse like any other. */
    void preformatted(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                hardBreak();
            } else {
                character(c);
            }
        }
    }

    void lineBreak() {
        if (!holding) {
            request(Gap.LINE);
        }
    }

    void paragraphBreak() {
        if (!holding) {
            request(Gap.BLANK);
        }
    }

    /** A {@code <br>}: ends the line, or makes an empty one when the line has just begun. */
    void hardBreak() {
        if (!holding) {
            request(gap.compareTo(Gap.LINE) >= 0 ? Gap.BLANK : Gap.LINE);
        }
    }

    /** An element holding only a non-breaking space, which is how many clients write an empty line. */
    void emptyLine() {
        request(!holding && gap.compareTo(Gap.LINE) >= 0 ? Gap.BLANK : Gap.SPACE);
    }

    /** Starts a list item; its marker is written with its first visible character, so an empty item leaves nothing. */
    void startListItem(String itemMarker) {
        request(Gap.LINE);
        marker = itemMarker;
        holding = true;
    }

    void endListItem() {
        marker = "";
        holding = false;
        request(Gap.LINE);
    }

    /** Starts a table cell: it joins the row's line with " | " once the row has shown something. */
    void startCell(int rowStart) {
        if (out.length() > rowStart && quoteDepth == lineQuoteDepth) {
            gap = Gap.CELL;
        }
        holding = true;
    }

    /** Ends a table cell; a paragraph that ended inside it does not push the next row away. */
    void endCell() {
        holding = false;
        if (gap == Gap.BLANK) {
            gap = Gap.LINE;
        }
    }

    void quote() {
        request(Gap.LINE);
        quoteDepth++;
    }

    void unquote() {
        request(Gap.LINE);
        quoteDepth--;
    }

    int length() {
        return out.length();
    }

    void startCapture() {
        capture = new StringBuilder();
    }

    /** The visible text written since {@link #startCapture()}, its gaps as single spaces. */
    String endCapture() {
        String captured = capture.toString();
        capture = null;
        return captured;
    }

    String text() {
        return out.toString();
    }

    private void request(Gap wanted) {
        if (!out.isEmpty() && wanted.compareTo(gap) > 0) {
            gap = wanted;
        }
    }

    private void character(char c) {
        if (isSpace(c)) {
            request(Gap.SPACE);
        } else {
            visible(c);
        }
    }

    private void visible(char c) {
        if (out.isEmpty()) {
            startLine();
        } else if (gap == Gap.LINE || gap == Gap.BLANK) {
            if (gap == Gap.BLANK) {
                out.append('\n').append(prefix(Math.min(lineQuoteDepth, quoteDepth)).stripTrailing());
            }
            out.append('\n');
            startLine();
        } else if (gap != Gap.NONE) {
            out.append(gap == Gap.CELL ? " | " : " ");
        }
        if (capture != null) {
            capture.append(gap != Gap.NONE && !capture.isEmpty() ? " " : "").append(c);
        }
        gap = Gap.NONE;
        holding = false;
        out.append(c);
    }

    private void startLine() {
        lineQuoteDepth = quoteDepth;
        out.append(prefix(quoteDepth)).append(marker);
        marker = "";
    }

    private static String prefix(int depth) {
        return "> ".repeat(Math.min(depth, MAX_QUOTE_DEPTH));
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
