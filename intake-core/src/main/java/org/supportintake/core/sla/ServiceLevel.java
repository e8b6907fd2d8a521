package org.supportintake.core.sla;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.supportintake.core.submission.Category;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Coded;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.ticket.Priority;

/** The priority and reply time DESIGN.md's table gives a message. */
public record ServiceLevel(Priority priority, int businessDays) {

    private static final Pattern URGENT = Pattern.compile("(?<!\\p{L})(не\\s*)?срочн\\p{L}*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The level for a valid submission: by category on the form, by "Срочно" in an email subject. */
    public static ServiceLevel of(Submission submission) {
        if (submission.channel() == Channel.EMAIL) {
            return isUrgent(submission.subject()) ? new ServiceLevel(Priority.HIGH, 1) : new ServiceLevel(Priority.NORMAL, 3);
        }
        Category category = Coded.byCode(Category.class, submission.category().strip())
                .orElseThrow(() -> new IllegalArgumentException("not validated: " + submission));
        return of(category);
    }

    /**
     * «Срочно» as citizens write it: any case, any ending (срочно, СРОЧНО!!!, срочный вопрос), but not negated
     * («не срочно», «несрочный»): a citizen who says it can wait must not jump the queue.
     */
    static boolean isUrgent(String subject) {
        Matcher word = URGENT.matcher(subject);
        while (word.find()) {
            if (word.group(1) == null) {
                return true;
            }
        }
        return false;
    }

    /** The level a category gives (staff may change a ticket's category). */
    public static ServiceLevel of(Category category) {
        return switch (category) {
            case SERVICE_ERROR, TECHNICAL_PROBLEM -> new ServiceLevel(Priority.HIGH, 1);
            case FUNCTIONALITY_QUESTION -> new ServiceLevel(Priority.NORMAL, 3);
            case INFORMATION_REQUEST -> new ServiceLevel(Priority.LOW, 5);
            case COMPLAINT -> new ServiceLevel(Priority.NORMAL, 5);
            case SUGGESTION -> new ServiceLevel(Priority.LOW, 10);
        };
    }
}
