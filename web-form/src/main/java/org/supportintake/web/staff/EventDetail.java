package org.supportintake.web.staff;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.supportintake.core.log.EventKind;
import org.supportintake.core.submission.Coded;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.TicketStatus;

/**
 * An event's details in Russian for the intake log and the ticket's history. The log keeps what was recorded (codes,
 * ISO times), which the API and scripts read; the pages read it out. A failure's English text, meant for the
 * administrator, and any shape not known here are shown as recorded.
 */
final class EventDetail {

    private static final Pattern FILES = Pattern.compile("attachments=(\\d+) rejected=(\\d+)(?: related=(\\S+))?");
    private static final Pattern CHANGE = Pattern.compile("(\\S*) -> (\\S+)");
    private static final Pattern WITHDRAWN = Pattern.compile("(\\S+) -> closed; unsent mail withdrawn: (\\d+)");

    private EventDetail() {
    }

    static String readable(EventKind kind, String detail) {
        Optional<String> read = switch (kind) {
            case TICKET_CREATED, FOLLOW_UP_ADDED -> matched(FILES, detail, EventDetail::files);
            case DUE_EXTENDED -> matched(CHANGE, detail, m -> time(m.group(1)) + " → " + time(m.group(2)) + " (мск)");
            case CATEGORY_CHANGED -> matched(CHANGE, detail,
                    m -> Words.category(m.group(1)) + " → " + Words.category(m.group(2)));
            case PRIORITY_CHANGED -> matched(CHANGE, detail,
                    m -> Words.titleOf(Priority.class, m.group(1), Words::priority) + " → "
                            + Words.titleOf(Priority.class, m.group(2), Words::priority));
            case MARKED_NOT_A_REQUEST -> matched(WITHDRAWN, detail, m -> Words.titleOf(TicketStatus.class, m.group(1),
                    TicketStatus::title) + " → Закрыто; неотправленных писем отозвано: " + m.group(2));
            case ACKNOWLEDGEMENT_SUPPRESSED -> Optional.of(detail).filter("limit per hour reached"::equals)
                    .map(same -> "достигнут предел писем на адрес в час");
            default -> Optional.empty();
        };
        return read.orElse(detail);
    }

    /** The kind by its code, as the log's rows carry it; a code this version does not know leaves the detail as is. */
    static String readable(String kindCode, String detail) {
        return Coded.byCode(EventKind.class, kindCode).map(kind -> readable(kind, detail)).orElse(detail);
    }

    private static String files(Matcher m) {
        String files = m.group(1).equals("0") ? "без файлов" : "файлов: " + m.group(1) + ", не принято: " + m.group(2);
        return m.group(3) == null ? files : files + "; связано с обращением " + m.group(3);
    }

    private static String time(String iso) {
        try {
            return StaffTime.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static Optional<String> matched(Pattern pattern, String detail, Function<Matcher, String> read) {
        Matcher m = pattern.matcher(detail);
        return m.matches() ? Optional.of(read.apply(m)) : Optional.empty();
    }

}
