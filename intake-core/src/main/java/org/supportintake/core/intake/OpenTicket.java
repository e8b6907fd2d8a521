package org.supportintake.core.intake;

import java.util.regex.Pattern;

import org.supportintake.core.sla.ReplyClock;
import org.supportintake.core.sla.ServiceLevel;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.submission.Phone;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.ticket.NewTicket;

/** Opens a ticket with a new number and a due time, unless threading found one. */
public final class OpenTicket implements IntakeStage {

    static final int TITLE_LIMIT = 200;
    private static final String UNTITLED = "(без темы)";
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final ReplyClock clock;

    public OpenTicket(ReplyClock clock) {
        this.clock = clock;
    }

    @Override
    public StageVerdict apply(IntakeContext context) {
        if (context.ticket().isPresent()) {
            return StageVerdict.proceed();
        }
        Submission submission = context.submission();
        var tickets = context.stores().tickets();
        int year = submission.receivedAt().atZone(SlaCalendar.MOSCOW).getYear() % 100;
        ServiceLevel level = ServiceLevel.of(submission);
        var opened = tickets.open(new NewTicket(year, submission, level.priority(), title(submission.subject()),
                Phone.toE164(submission.sender().phone()).orElse(""),
                clock.start(submission.receivedAt(), level.businessDays()), context.relatedTicket()));
        if (RepeatMark.in(submission)) {
            tickets.markRepeatRequest(opened.id());
        }
        context.opened(opened);
        return StageVerdict.proceed();
    }

    /** The subject cut to 200 characters on a code point boundary; the full subject stays on the message. */
    static String title(String subject) {
        String title = SPACES.matcher(subject.strip()).replaceAll(" ");
        if (title.isEmpty()) {
            return UNTITLED;
        }
        return title.codePointCount(0, title.length()) <= TITLE_LIMIT
                ? title
                : title.substring(0, title.offsetByCodePoints(0, TITLE_LIMIT));
    }
}
