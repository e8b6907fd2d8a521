package org.supportintake.mail.mime;

import java.util.List;
import java.util.Objects;

/** A message body split into what the citizen wrote now and the earlier message they quote ("" when none). */
public record QuotedText(String fresh, String quoted) {

    private static final int GREETING_LENGTH = 80;

    public QuotedText {
        Objects.requireNonNull(fresh, "fresh");
        Objects.requireNonNull(quoted, "quoted");
    }

    /**
     * Splits plain text, or the output of {@link HtmlText#toText}, at the first reply marker: a block of lines
     * starting with "&gt;" (with its attribution line), or a reply header of a common client. A forwarded message
     * is content, never a quote. A quote followed by the citizen's own text is kept whole, except a reply written
     * below the single quote it answers, whose text becomes {@code fresh}. Linear in the text; thread safe.
     */
    public static QuotedText split(String text) {
        List<String> lines = text.lines().toList();
        int firstText = 0;
        while (firstText < lines.size() && lines.get(firstText).isBlank()) {
            firstText++;
        }
        int lastQuote = -1;
        int lastText = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (ReplyMarkers.isQuote(lines.get(i))) {
                lastQuote = i;
            } else if (lines.get(i).equals("-- ") && lastQuote >= 0) {
                break; // a signature below the quote (RFC 3676 §4.3) is not an answer written there
            } else if (!lines.get(i).isBlank()) {
                lastText = i;
            }
        }
        int i = 0;
        while (i < lines.size() && !ReplyMarkers.isForward(lines.get(i))) {
            int attribution = ReplyMarkers.attributionAt(lines, i);
            int quote = attribution > 0 ? quoteAt(lines, i + attribution) : ReplyMarkers.isQuote(lines.get(i)) ? i : -1;
            if (attribution == 0 && quote < 0 && ReplyMarkers.introducesQuote(lines.get(i))) {
                quote = quoteAt(lines, i + 1);
                attribution = quote < 0 ? 0 : 1;
            }
            if (quote >= 0) {
                int end = blockEnd(lines, quote);
                if (lastText < quote) {
                    int from = ReplyMarkers.headerAbove(lines, i);
                    return cut(lines, from, lines.size(), 0, from);
                }
                if (firstText == i && lastQuote < end) {
                    return cut(lines, i, end, end, lines.size());
                }
                if (attribution > 0 && lastQuote < end && greetingOnly(lines, firstText, i)) {
                    return greetedReply(lines, i, end); // The Bat!: «Здравствуйте, Служба.», «Вы писали …:», quote, reply
                }
                i = end; // answers between quoted lines: they only make sense where they stand
                continue;
            }
            int header = attribution > 0 ? i : ReplyMarkers.headerAt(lines, i);
            if (header >= 0) {
                return cut(lines, header, lines.size(), 0, header);
            }
            i++;
        }
        return new QuotedText(text.strip(), "");
    }

    /** True when the only text above {@code index} is one short line, as a greeting that a client's template puts there. */
    private static boolean greetingOnly(List<String> lines, int firstText, int index) {
        for (int i = firstText + 1; i < index; i++) {
            if (!lines.get(i).isBlank()) {
                return false;
            }
        }
        return firstText < index && lines.get(firstText).strip().length() <= GREETING_LENGTH;
    }

    private static QuotedText greetedReply(List<String> lines, int quoteFrom, int quoteTo) {
        String fresh = (String.join("\n", lines.subList(0, quoteFrom)).strip() + "\n\n"
                + String.join("\n", lines.subList(quoteTo, lines.size())).strip()).strip();
        return new QuotedText(fresh, String.join("\n", lines.subList(quoteFrom, quoteTo)).stripTrailing());
    }

    private static QuotedText cut(List<String> lines, int quoteFrom, int quoteTo, int freshFrom, int freshTo) {
        String fresh = String.join("\n", lines.subList(freshFrom, freshTo)).strip();
        return new QuotedText(fresh, String.join("\n", lines.subList(quoteFrom, quoteTo)).stripTrailing());
    }

    /** The first quoted line at {@code index}, or after one blank line; -1 when none follows. */
    private static int quoteAt(List<String> lines, int index) {
        for (int i = index; i < Math.min(lines.size(), index + 2); i++) {
            if (ReplyMarkers.isQuote(lines.get(i))) {
                return i;
            }
            if (!lines.get(i).isBlank()) {
                return -1;
            }
        }
        return -1;
    }

    private static int blockEnd(List<String> lines, int start) {
        int end = start;
        while (end < lines.size() && (ReplyMarkers.isQuote(lines.get(end)) || lines.get(end).isBlank())) {
            end++;
        }
        return end;
    }
}
