package org.supportintake.mail.mime;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jsoup.nodes.Element;

/** The marker of each list item: "- " in a bullet list, "1. " in an ordered one, indented by nesting. */
final class ListMarkers {

    /** Deeper lists are indented no further, so hostile nesting cannot make the output quadratic. */
    private static final int MAX_INDENT = 4;

    private final Deque<Level> levels = new ArrayDeque<>();

    void start(Element list) {
        boolean ordered = list.normalName().equals("ol");
        levels.push(new Level(ordered, ordered ? first(list.attr("start").strip()) : 0));
    }

    void end() {
        levels.pop();
    }

    String next() {
        String indent = "  ".repeat(Math.min(Math.max(levels.size() - 1, 0), MAX_INDENT));
        Level level = levels.peek();
        return level == null || !level.ordered ? indent + "- " : indent + level.number++ + ". ";
    }

    private static int first(String start) {
        try {
            return start.isEmpty() ? 1 : Integer.parseInt(start);
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    private static final class Level {
        private final boolean ordered;
        private int number;

        private Level(boolean ordered, int number) {
            this.ordered = ordered;
            this.number = number;
        }
    }
}
