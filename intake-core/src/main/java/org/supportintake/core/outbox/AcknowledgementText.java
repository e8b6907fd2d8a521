package org.supportintake.core.outbox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.supportintake.core.intake.RejectedAttachment;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.submission.PersonName;
import org.supportintake.core.ticket.TicketNumber;

/**
 * The Russian wording of acknowledgements: the ticket number, the due date, files not accepted, as plain
 * text and HTML from the templates under {@code mail/}.
 * What the citizen chose (a file name, a subject) goes through {@link InertText}, so nothing in an
 * official mail is a link they did not get from us.
 */
public final class AcknowledgementText {

    private static final DateTimeFormatter DUE = DateTimeFormatter
            .ofPattern("d MMMM yyyy 'г.', HH:mm", Locale.forLanguageTag("ru")).withZone(SlaCalendar.MOSCOW);

    /** At most this much of a citizen's subject is repeated in ours. */
    private static final int ECHOED_SUBJECT = 200;

    private final String publicUrl;
    private final MailTemplates templates = new MailTemplates();

    public AcknowledgementText(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String subject(TicketNumber number, boolean followUp) {
        return number.subjectTag() + (followUp ? " Ваше сообщение добавлено к обращению" : " Ваше обращение принято");
    }

    /** The acknowledgement of a new ticket ({@code category} empty for an email) or of a follow-up on one. */
    public MailBody body(String fullName, TicketNumber number, String category, Instant dueAt, boolean followUp,
                         List<RejectedAttachment> rejected) {
        Map<String, Object> context = common(fullName, subject(number, followUp), rejected);
        context.put("number", number.toString());
        context.put("category", category);
        context.put("due", formatDue(dueAt) + " (мск)");
        context.put("followUp", followUp);
        return templates.render("acknowledgement", context);
    }

    /** Their subject, one line, links broken, cut so that our words still fit the outbox's 400 characters. */
    public String explanationSubject(String theirSubject) {
        String subject = InertText.line(theirSubject).strip();
        if (subject.codePointCount(0, subject.length()) > ECHOED_SUBJECT) {
            subject = subject.substring(0, subject.offsetByCodePoints(0, ECHOED_SUBJECT - 1)) + "…";
        }
        return "Re: " + (subject.isEmpty() ? "ваше письмо" : subject) + " — обращение не зарегистрировано";
    }

    /** Why an email made no ticket, and how to write one that will. */
    public MailBody explanationBody(String fullName, String theirSubject, List<RejectedAttachment> rejected) {
        Map<String, Object> context = common(fullName, explanationSubject(theirSubject), rejected);
        context.put("formPage", publicUrl + "/");
        // No ticket was opened: a status lookup would find nothing
        context.remove("statusPage");
        return templates.render("explanation", context);
    }

    private Map<String, Object> common(String fullName, String subject, List<RejectedAttachment> rejected) {
        Map<String, Object> context = new HashMap<>();
        context.put("greeting", greeting(fullName));
        context.put("automatic", true);
        context.put("subject", subject);
        context.put("statusPage", publicUrl + "/status");
        context.put("hasRejected", !rejected.isEmpty());
        context.put("rejected", rejected.stream().map(file -> Map.of("name", InertText.fileName(file.name()),
                "reason", file.reason().sentence())).toList());
        return context;
    }

    /** By name only when it is a plain name: what a sender typed never reaches the mail as a link. */
    private static String greeting(String fullName) {
        return PersonName.isPlain(fullName) ? "Здравствуйте, " + fullName.strip() + "!" : "Здравствуйте!";
    }

    public static String formatDue(Instant dueAt) {
        return DUE.format(dueAt);
    }
}
