package org.supportintake.mail.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The body parts of a multipart body as byte ranges (RFC 2046 §5.1.1), found by one pass over the
 * bytes that stops when the part budget is spent: no part is parsed before it is needed. Lenient as
 * mail in the wild needs: a missing close delimiter ends the last part at the end of the body, and
 * when the {@code boundary} parameter matches no line, the boundary the body itself uses is taken.
 */
final class MultipartSplit {

    /** One body part: from just after its delimiter line to just before the line break of the next. */
    record Range(long start, long end) {
    }

    private static final int MAX_BOUNDARY = 998;

    private MultipartSplit() {
    }

    /**
     * The body parts, and what lies outside them: the preamble before the first delimiter and the epilogue after the
     * close delimiter (RFC 2046 §5.1.1 says to ignore both, but some clients write the citizen's text there), each
     * empty when there is none; {@code partsAfterClose} when parts follow a close delimiter (a broken mailer's), which are read as parts.
     */
    record Split(List<Range> parts, Optional<Range> preamble, Optional<Range> epilogue, boolean partsAfterClose) {

        static final Split NONE = new Split(List.of(), Optional.empty(), Optional.empty(), false);
    }

    /** The parts under the declared boundary, else under the one the body uses; no parts when there are none. */
    static Split split(Supplier<InputStream> body, String boundary, ReadBudget budget, DecodeMonitor monitor)
            throws IOException {
        if (!boundary.isEmpty()) {
            Split split = scan(body.get(), boundary, budget);
            if (!split.parts().isEmpty() || budget.exhausted()) {
                return split;
            }
        }
        Optional<String> used = boundaryInBody(body.get());
        if (used.isEmpty() || used.get().equals(boundary)) {
            return Split.NONE;
        }
        monitor.warn(boundary.isEmpty() ? "a multipart has no boundary parameter; the boundary its body uses was taken"
                : "a multipart's boundary parameter matches no line of its body; the boundary the body uses was taken");
        return scan(body.get(), used.get(), budget);
    }

    private static Split scan(InputStream in, String boundary, ReadBudget budget) throws IOException {
        String dashed = "--" + boundary;
        List<Range> parts = new ArrayList<>();
        Optional<Range> preamble = Optional.empty();
        long partStart = -1;
        long epilogueStart = -1;
        boolean afterClose = false;
        int previousTerminator = 0;
        long checked = 0;
        long bodyEnd = 0;
        try (in) {
            ByteLines lines = new ByteLines(in, dashed.length() + 80);
            while (lines.next()) {
                if (++checked % 1024 == 0 && budget.exhausted()) {
                    return new Split(parts, preamble, Optional.empty(), false);
                }
                Delimiter delimiter = Delimiter.of(lines, dashed);
                if (delimiter == Delimiter.OPEN && epilogueStart >= 0) {
                    afterClose = true; // a close delimiter too early: what follows is parts, not an epilogue
                    epilogueStart = -1;
                }
                if (delimiter != Delimiter.NONE) {
                    if (partStart >= 0) {
                        parts.add(new Range(partStart, Math.max(partStart, lines.start() - previousTerminator)));
                    } else if (parts.isEmpty() && lines.start() > 0) {
                        preamble = Optional.of(new Range(0, Math.max(0, lines.start() - previousTerminator)));
                    }
                    if (delimiter == Delimiter.CLOSE) {
                        partStart = -1;
                        epilogueStart = lines.end();
                    } else {
                        partStart = budget.takePart() ? lines.end() : -1;
                        if (partStart < 0) {
                            return new Split(parts, preamble, Optional.empty(), false);
                        }
                    }
                }
                previousTerminator = lines.terminator();
                bodyEnd = lines.end();
            }
        }
        if (partStart >= 0) {
            parts.add(new Range(partStart, Math.max(partStart, bodyEnd))); // no close delimiter: ends with the body
        }
        Optional<Range> epilogue = epilogueStart >= 0 && bodyEnd > epilogueStart
                ? Optional.of(new Range(epilogueStart, bodyEnd)) : Optional.empty();
        return new Split(parts, preamble, epilogue, afterClose);
    }

    /** The first line that looks like a delimiter: two dashes and a token without spaces. */
    private static Optional<String> boundaryInBody(InputStream in) throws IOException {
        try (in) {
            ByteLines lines = new ByteLines(in, MAX_BOUNDARY + 2);
            while (lines.next()) {
                String line = lines.text().stripTrailing();
                if (lines.isWhole() && line.length() > 2 && line.startsWith("--") && !line.matches("-+")
                        && line.chars().noneMatch(Character::isWhitespace)) {
                    return Optional.of(line.substring(2));
                }
            }
        }
        return Optional.empty();
    }

    private enum Delimiter {
        NONE, OPEN, CLOSE;

        /** RFC 2046 §5.1.1: "--" boundary, "--" more for the close one, then only transport padding. */
        static Delimiter of(ByteLines line, String dashed) {
            if (line.length() < dashed.length() || !line.startsWith(dashed)) {
                return NONE; // most lines: no string is made for them
            }
            String text = line.text();
            String rest = text.substring(dashed.length());
            if (rest.startsWith("--")) {
                return CLOSE;
            }
            return line.isWhole() && rest.isBlank() ? OPEN : NONE;
        }
    }
}
