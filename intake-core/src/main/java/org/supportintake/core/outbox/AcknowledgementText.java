package org.supportintake.core.outbox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.supportintake.core.intake.RejectedAttachment;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.submission.PersonName;
import org.supportintake.core.ticket.TicketNumber;

/**
 * The Russian wording of acknowledgements: the ticket number, the due date, files not accepted.
 * What the citizen chose (a file name, a subject) goes through {@link InertText}, so nothing in an
 * official mail is a link they did not get from us.
 */
public final class AcknowledgementText {

    private static final DateTimeFormatter DUE = DateTimeFormatter
            .ofPattern("d MMMM yyyy 'г.', HH:mm", Locale.forLanguageTag("ru")).withZone(SlaCalendar.MOSCOW);

    /** At most this much of a citizen's subject is repeated in ours. */
    private static final int ECHOED_SUBJECT = 200;

    private final String publicUrl;

    public AcknowledgementText(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String subject(TicketNumber number, boolean followUp) {
        return number.subjectTag() + (followUp ? " Ваше сообщение добавлено к обращению" : " Ваше обращение принято");
    }

    public String body(String fullName, TicketNumber number, Instant dueAt, boolean followUp,
                       List<RejectedAttachment> rejected) {
        var text = new StringBuilder();
        text.append(greeting(fullName)).append("\n\n");
        text.append(followUp
                ? "Ваше сообщение добавлено к обращению № " + number + ".\n"
                : "Ваше обращение зарегистрировано под номером " + number + ".\n");
        text.append("Ответ будет направлен не позднее ").append(formatDue(dueAt)).append(" (время московское).\n");
        if (!rejected.isEmpty()) {
            text.append("\nНе приняты файлы (их нет в обращении):\n");
            rejected.forEach(file -> text.append(" — ").append(InertText.fileName(file.name())).append(": ")
                    .append(file.reason().sentence()).append(".\n"));
            text.append("Можно прислать PDF, JPEG, PNG или DOCX.\n");
        }
        text.append("\nЧтобы дополнить обращение, ответьте на это письмо, не меняя тему.\n");
        text.append("Статус обращения: ").append(publicUrl).append("/status\n\n");
        text.append("Письмо отправлено автоматически.\nСлужба поддержки\n");
        return text.toString();
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
    public String explanationBody(String fullName, List<RejectedAttachment> rejected) {
        var text = new StringBuilder();
        text.append(greeting(fullName)).append("\n\n");
        text.append("Мы получили ваше письмо, но не смогли зарегистрировать его как обращение: в нём нет ни текста,\n")
                .append("ни файла, который мы можем принять.\n");
        if (!rejected.isEmpty()) {
            text.append("\nНе приняты файлы:\n");
            rejected.forEach(file -> text.append(" — ").append(InertText.fileName(file.name())).append(": ")
                    .append(file.reason().sentence()).append(".\n"));
        }
        text.append("\nОпишите, пожалуйста, ваш вопрос в тексте письма; можно приложить PDF, JPEG, PNG, DOCX\n")
                .append("или ZIP-архив с такими файлами, всего до 10 МБ. Или заполните форму: ")
                .append(publicUrl).append("/\n\n");
        text.append("Письмо отправлено автоматически.\nСлужба поддержки\n");
        return text.toString();
    }

    /** By name only when it is a plain name: what a sender typed never reaches the mail as a link. */
    private static String greeting(String fullName) {
        return PersonName.isPlain(fullName) ? "Здравствуйте, " + fullName.strip() + "!" : "Здравствуйте!";
    }

    public static String formatDue(Instant dueAt) {
        return DUE.format(dueAt);
    }
}
