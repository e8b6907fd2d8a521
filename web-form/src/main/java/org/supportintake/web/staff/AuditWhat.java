package org.supportintake.web.staff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.queue.QueueFlag;
import org.supportintake.core.staff.Role;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.TicketStatus;

/**
 * The audit's «что» in Russian for the audit page. Rows keep what was recorded (filters as {@code status=accepted},
 * the API's request line), which scripts read through the API; the page reads them out. A shape it does not know is
 * shown as recorded.
 */
final class AuditWhat {

    /** Request lines the API's looks start with, longest first, and what they are called on the page. */
    private static final Map<String, String> API = apiLines();
    private static final Pattern FILTER = Pattern.compile("([a-z]+)=(\"[^\\n]*\"$|\\S+)\\s*");
    private static final Pattern LOG_CODE = Pattern.compile("(событие|канал) ([a-z_]+)");
    private static final Pattern ROLE = Pattern.compile("\\(([a-z]+)\\)$");

    private AuditWhat() {
    }

    static String readable(AuditAction action, String what) {
        for (Map.Entry<String, String> line : API.entrySet()) {
            if (what.startsWith(line.getKey())) {
                String rest = readable(action, what.substring(line.getKey().length()).strip());
                return rest.isEmpty() ? line.getValue() : line.getValue() + ": " + rest;
            }
        }
        if (action == AuditAction.DOWNLOAD_ATTACHMENT && what.matches("\\d+")) {
            return "файл № " + what;
        }
        if (action == AuditAction.ACCOUNT_ADDED) {
            return replace(ROLE, what, m -> "(" + Words.titleOf(Role.class, m.group(1), Role::title) + ")");
        }
        if (what.startsWith("журнал: ")) {
            return log(what);
        }
        return switch (what) {
            case "open" -> "открытые обращения";
            case "all" -> "все записи";
            case "ticket page" -> "страница обращения";
            default -> filter(what).orElse(what);
        };
    }

    /** {@code status=accepted q="…"} as «статус: Принято; поиск: «…»», if every part is a filter known here. */
    private static Optional<String> filter(String what) {
        Matcher part = FILTER.matcher(what);
        List<String> words = new ArrayList<>();
        int end = 0;
        while (part.lookingAt()) {
            Optional<String> word = word(part.group(1), part.group(2));
            if (word.isEmpty()) {
                return Optional.empty();
            }
            words.add(word.get());
            end = part.end();
            part.region(end, what.length());
        }
        return end == what.length() && !words.isEmpty() ? Optional.of(String.join("; ", words)) : Optional.empty();
    }

    private static Optional<String> word(String key, String value) {
        return Optional.ofNullable(switch (key) {
            case "status" -> "статус: " + (value.equals("all") ? "все"
                    : Words.titleOf(TicketStatus.class, value, TicketStatus::title));
            case "category" -> "категория: " + Words.category(value);
            case "priority" -> "приоритет: " + Words.titleOf(Priority.class, value, Words::priority);
            case "channel" -> "канал: " + Words.titleOf(Channel.class, value, Words::channelShort);
            case "flag" -> "отметка: " + Words.titleOf(QueueFlag.class, value, QueueFlag::title);
            case "action" -> "действие: " + Words.titleOf(AuditAction.class, value, AuditAction::title);
            case "assignee" -> "исполнитель: " + value;
            case "staff" -> "сотрудник: " + value;
            case "ticket" -> "обращение " + value;
            case "from" -> "с " + value;
            case "to" -> "по " + value;
            case "q" -> "поиск: «" + value.substring(1, value.length() - 1) + "»";
            default -> null;
        });
    }

    /** The intake log's filter, which names its event kinds and channels by code. */
    private static String log(String what) {
        return replace(LOG_CODE, what, m -> m.group(1) + " «" + (m.group(1).equals("канал")
                ? Words.titleOf(Channel.class, m.group(2), Words::channelShort) : LogKinds.title(m.group(2))) + "»");
    }


    private static String replace(Pattern pattern, String text, Function<MatchResult, String> by) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(by.apply(m)));
    }

    private static Map<String, String> apiLines() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("GET /api/v1/tickets/{number}", "API: обращение");
        lines.put("GET /api/v1/tickets", "API: список обращений");
        lines.put("GET /api/v1/audit", "API: аудит");
        return lines;
    }
}
