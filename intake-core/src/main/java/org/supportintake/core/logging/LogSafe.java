package org.supportintake.core.logging;

/**
 * A value from outside (a file name, an address, a subject, a header) as it may appear in a log line: CR, LF,
 * tab, other control, format (bidi) and line-separator characters are written as {@code \r}, {@code \n},
 * {@code \t}, {@code \}{@code uXXXX}, and a backslash as two, so no input can start a line of its own or
 * pass for another; values past {@value #MAX_CHARS} characters are cut. Rendered lazily by the logger.
 */
public record LogSafe(Object value) {

    static final int MAX_CHARS = 500;

    public static LogSafe of(Object value) {
        return new LogSafe(value);
    }

    @Override
    public String toString() {
        String raw = String.valueOf(value);
        int length = Math.min(raw.length(), MAX_CHARS);
        StringBuilder out = new StringBuilder(length + 16);
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (printable(c)) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        if (raw.length() > MAX_CHARS) {
            out.append("…(").append(raw.length()).append(" chars)");
        }
        return out.toString();
    }

    private static boolean printable(char c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE;
    }
}
