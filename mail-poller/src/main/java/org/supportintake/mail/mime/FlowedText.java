package org.supportintake.mail.mime;

/**
 * Plain text sent as {@code format=flowed} (RFC 3676), as Thunderbird and Apple Mail send it: a line
 * ending in a space runs on into the next line of the same quote depth, space-stuffing is undone,
 * and with {@code delsp=yes} the trailing space goes too. The signature separator never flows.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String unflow(String text, boolean deleteSpace) {
        StringBuilder out = new StringBuilder(text.length());
        String[] lines = text.split("\n", -1);
        int flowingDepth = -1;
        for (String line : lines) {
            int depth = quoteDepth(line);
            String content = line.substring(depth);
            if (content.startsWith(" ")) {
                content = content.substring(1); // §4.4 space-stuffing
            }
            if (flowingDepth != depth) {
                if (flowingDepth >= 0) {
                    out.append('\n'); // §4.5: a flowed line followed by another depth ends the paragraph
                }
                out.append(">".repeat(depth)).append(depth > 0 ? " " : "");
            }
            boolean flowed = content.endsWith(" ") && !content.equals("-- ");
            out.append(flowed && deleteSpace ? content.substring(0, content.length() - 1) : content);
            if (flowed) {
                flowingDepth = depth;
            } else {
                out.append('\n');
                flowingDepth = -1;
            }
        }
        return out.toString().replaceAll("\n+$", "");
    }

    private static int quoteDepth(String line) {
        int depth = 0;
        while (depth < line.length() && line.charAt(depth) == '>') {
            depth++;
        }
        return depth;
    }
}
