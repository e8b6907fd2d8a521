package org.supportintake.mail.mime;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The lines with which mail clients start a quoted or a forwarded earlier message. */
final class ReplyMarkers {

    /** Markers are short; longer lines are never one. */
    private static final int MAX_MARKER_LENGTH = 300;
    // Each pattern has at most one ambiguous ".*" ("\\D*\\d" and "[^@]*@" cannot backtrack), so matching is linear.
    /** Attributions with a distinctive opening, so that one the client wrapped may be joined with its next line. */
    private static final List<Pattern> ATTRIBUTIONS = List.of(
            Pattern.compile("On \\D*\\d.* wrote:"),
            Pattern.compile("(пн|вт|ср|чт|пт|сб|вс), \\d{1,2} \\S+ \\d{4} г\\. в \\d{1,2}:\\d{2}, [^@]*@.*:"),
            Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.\\d{4} \\d{1,2}:\\d{2}, .+ пишет:"),
            Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.\\d{4}, \\d{1,2}:\\d{2}, [^@]*@.*:"),
            Pattern.compile("\\p{L}+, \\d{1,2} \\p{L}+ \\d{4}, \\d{1,2}:\\d{2} [+-]\\d{2}:?\\d{2} от [^@]*@.*:"),
            Pattern.compile("(?:Вы писали|You wrote) \\d.*:"));
    /** The Bat! and FidoNet quote with the writer's initials: " СП> Здравствуйте!" (one space before at most). */
    private static final Pattern INITIALS_QUOTE = Pattern.compile(" ?\\p{Lu}{1,3}>(?: |$)");
    private static final int INITIALS_PREFIX = 6;
    /** Apple Mail and others; the digit (a date or a time) keeps a citizen's own sentence out. */
    private static final String WROTE_RU_END = " написал(а):";
    private static final Pattern WROTE_RU = Pattern.compile("\\D*\\d.*" + Pattern.quote(WROTE_RU_END));
    private static final Set<String> ORIGINAL = Set.of("original message", "исходное сообщение");
    private static final Set<String> FORWARDS = Set.of("forwarded message", "пересылаемое сообщение",
            "пересланное сообщение", "begin forwarded message:", "начало переадресованного сообщения:");
    private static final Set<String> FROM = Set.of("from", "от");
    private static final Set<String> SENT = Set.of("sent", "date", "отправлено", "дата");
    private static final Set<String> SUBJECT = Set.of("subject", "тема");
    private static final int OUTLOOK_HEADER_LINES = 6;
    private static final Set<String> QUOTED_FIELDS = Set.of("from", "от", "от кого", "to", "кому", "cc", "копия",
            "subject", "тема", "date", "дата", "sent", "отправлено");

    private ReplyMarkers() {
    }

    static boolean isQuote(String line) {
        return line.startsWith(">") || INITIALS_QUOTE.matcher(shortPrefix(line)).lookingAt();
    }

    private static String shortPrefix(String line) {
        return line.length() > INITIALS_PREFIX ? line.substring(0, INITIALS_PREFIX) : line;
    }

    static boolean isForward(String line) {
        return FORWARDS.contains(title(line));
    }

    /** How many lines the attribution starting at {@code index} takes: 0 (none), 1, or 2 when wrapped. */
    static int attributionAt(List<String> lines, int index) {
        String line = lines.get(index).strip();
        if (isAttribution(line) || isWroteRu(line)) {
            return 1;
        }
        if (index + 1 == lines.size()) {
            return 0;
        }
        String next = lines.get(index + 1).strip();
        boolean wrapped = !next.isEmpty() && !isQuote(next) && !isAttribution(next);
        return wrapped && isAttribution(line + " " + next) ? 2 : 0;
    }

    /**
     * A line that may open the quote right below it, whatever the client's wording: it ends with a colon and names an
     * address and a date or time ({@code чт, 12 нояб. 2026 г., 10:15 Служба поддержки <support@…>:} of the Gmail app).
     * Only a quote that follows makes it an attribution; alone it is the citizen's own line.
     */
    static boolean introducesQuote(String line) {
        String candidate = shortOrEmpty(line.strip());
        return candidate.endsWith(":") && !isQuote(candidate) && candidate.indexOf('@') > 0
                && candidate.chars().anyMatch(Character::isDigit);
    }

    /**
     * Where the quote whose attribution is at {@code index} starts when a rule and header lines stand above it, as
     * Yandex writes a reply ("----------------", "Кому: …;", "Тема: …;", then the attribution); else {@code index}.
     */
    static int headerAbove(List<String> lines, int index) {
        int top = index;
        while (top > 0 && QUOTED_FIELDS.contains(field(lines.get(top - 1)))) {
            top--;
        }
        return top < index && top > 0 && isDashedRule(lines.get(top - 1)) ? top - 1 : index;
    }

    /** Where an unmarked earlier message starts at {@code index}, its separator rule included; -1 when it does not. */
    static int headerAt(List<String> lines, int index) {
        if (lines.get(index).strip().startsWith("--") && ORIGINAL.contains(title(lines.get(index)))) {
            return index;
        }
        if (!isOutlookHeader(lines, index)) {
            return -1;
        }
        return index > 0 && isRule(lines.get(index - 1)) ? index - 1 : index;
    }

    /** The literal end is checked first: the pattern, tried on every line of every mail, was most of the split. */
    private static boolean isWroteRu(String line) {
        return line.endsWith(WROTE_RU_END) && WROTE_RU.matcher(shortOrEmpty(line)).matches();
    }

    private static boolean isAttribution(String line) {
        String candidate = shortOrEmpty(line);
        return candidate.endsWith(":") && ATTRIBUTIONS.stream().anyMatch(p -> p.matcher(candidate).matches());
    }

    /** Outlook's "From: / Sent: / To: / Subject:" block, or "От: / Отправлено: / Кому: / Тема:". */
    private static boolean isOutlookHeader(List<String> lines, int index) {
        if (!FROM.contains(field(lines.get(index)))) {
            return false;
        }
        boolean sent = false;
        boolean subject = false;
        int end = Math.min(lines.size(), index + OUTLOOK_HEADER_LINES);
        for (int i = index + 1; i < end && !lines.get(i).isBlank(); i++) {
            sent |= SENT.contains(field(lines.get(i)));
            subject |= SUBJECT.contains(field(lines.get(i)));
        }
        return sent && subject;
    }

    private static String field(String line) {
        int colon = line.substring(0, Math.min(line.length(), 20)).indexOf(':');
        return colon < 0 ? "" : line.substring(0, colon).replace("*", "").strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isDashedRule(String line) {
        String rule = shortOrEmpty(line.strip());
        return rule.length() >= 8 && rule.chars().allMatch(c -> c == '-' || c == '_');
    }

    private static boolean isRule(String line) {
        String rule = shortOrEmpty(line.strip());
        return rule.length() >= 10 && rule.chars().allMatch(c -> c == '_');
    }

    /** "-------- Исходное сообщение --------" as "исходное сообщение". */
    private static String title(String line) {
        String title = shortOrEmpty(line.strip());
        int start = 0;
        int end = title.length();
        while (start < end && (title.charAt(start) == '-' || title.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (title.charAt(end - 1) == '-' || title.charAt(end - 1) == ' ')) {
            end--;
        }
        return title.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static String shortOrEmpty(String line) {
        return line.length() > MAX_MARKER_LENGTH ? "" : line;
    }
}
