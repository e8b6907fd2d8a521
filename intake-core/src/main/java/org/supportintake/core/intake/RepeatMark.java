package org.supportintake.core.intake;

import java.util.Locale;

import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Submission;

/** DESIGN.md: «Повторный запрос» in an email's subject, or at the start of the form's description, marks a repeat request. */
final class RepeatMark {

    private static final String MARK = "повторный запрос";
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private RepeatMark() {
    }

    static boolean in(Submission submission) {
        return submission.channel() == Channel.EMAIL
                ? submission.subject().toLowerCase(RUSSIAN).contains(MARK)
                : submission.text().strip().toLowerCase(RUSSIAN).startsWith(MARK);
    }
}
