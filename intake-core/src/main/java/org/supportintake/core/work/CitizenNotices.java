package org.supportintake.core.work;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.supportintake.core.outbox.AcknowledgementText;
import org.supportintake.core.outbox.MailBody;
import org.supportintake.core.outbox.MailTemplates;
import org.supportintake.core.outbox.RussianPlural;
import org.supportintake.core.rating.RatingLinks;
import org.supportintake.core.ticket.TicketNumber;

/**
 * The Russian wording of what a citizen is told when staff move their ticket, as plain text and HTML
 * ({@code mail/staff-notice}). Staff texts are quoted as written, escaped in the HTML; a mail with one is signed by the
 * service, not said to be sent automatically. The answer carries the five
 * signed rating links: ours, not the citizen's text, so they may be links.
 */
public final class CitizenNotices {

    private final String statusPage;
    private final RatingLinks ratingLinks;
    private final MailTemplates templates = new MailTemplates();

    public CitizenNotices(String publicUrl, RatingLinks ratingLinks) {
        this.statusPage = (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + "status";
        this.ratingLinks = ratingLinks;
    }

    public String takenSubject(TicketNumber number) {
        return number.subjectTag() + " Обращение взято в работу";
    }

    /** The one notice no person writes: it says it was sent automatically. */
    public MailBody taken(TicketNumber number, Instant dueAt) {
        Map<String, Object> context = context(takenSubject(number), lead("Ваше обращение ", number, " взято в работу."), "",
                "Ответ будет направлен не позднее " + due(dueAt) + ".");
        context.put("automatic", true);
        return templates.render("staff-notice", context);
    }

    public String questionSubject(TicketNumber number) {
        return number.subjectTag() + " Требуется уточнение";
    }

    public MailBody question(TicketNumber number, String question) {
        return render(questionSubject(number), lead("Чтобы ответить на обращение ", number, ", нам нужно уточнение:"),
                question.strip(), "Ответьте, пожалуйста, на это письмо, не меняя тему. Пока мы ждём ответа, срок "
                        + "рассмотрения обращения приостановлен.");
    }

    public String answerSubject(TicketNumber number) {
        return number.subjectTag() + " Ответ на обращение";
    }

    /** The answer, sent at {@code resolvedAt}, with links that rate it for ticket {@code ticketId}. */
    public MailBody answer(TicketNumber number, String answer, int reopenDays, long ticketId, Instant resolvedAt) {
        Map<String, Object> context = context(answerSubject(number), lead("Ответ на ваше обращение ", number, ":"),
                answer.strip(), "Обращение решено. Если вопрос остался, ответьте на это письмо, не меняя тему, в течение "
                        + RussianPlural.of(reopenDays, "дня", "дней", "дней") + ": обращение будет открыто снова.");
        context.put("rating", true);
        context.put("ratingLinks", ratingLinks.links(ticketId, resolvedAt));
        return templates.render("staff-notice", context);
    }

    public String delaySubject(TicketNumber number) {
        return number.subjectTag() + " Срок ответа перенесён";
    }

    public MailBody delay(TicketNumber number, Instant oldDue, Instant newDue, String reason) {
        return render(delaySubject(number), lead("Срок ответа на ваше обращение ", number, " перенесён."), "",
                "Было: не позднее " + due(oldDue) + ".", "Стало: не позднее " + due(newDue) + ".",
                "Причина: " + reason.strip(), "Приносим извинения за задержку.");
    }

    private MailBody render(String subject, Map<String, String> lead, String quoted, String... lines) {
        return templates.render("staff-notice", context(subject, lead, quoted, lines));
    }

    private Map<String, Object> context(String subject, Map<String, String> lead, String quoted, String... lines) {
        Map<String, Object> context = new HashMap<>();
        context.put("subject", subject);
        context.put("lead", lead);
        context.put("quoted", quoted);
        context.put("lines", List.of(lines));
        context.put("statusPage", statusPage);
        context.put("rating", false);
        context.put("ratingLinks", List.of());
        context.put("automatic", false);
        return context;
    }

    /** The first sentence, around «№ 26-0004217-9», which the HTML keeps on one line: it is read out over the phone. */
    private static Map<String, String> lead(String before, TicketNumber number, String after) {
        return Map.of("before", before, "ticket", "№ " + number, "after", after);
    }

    private static String due(Instant dueAt) {
        return AcknowledgementText.formatDue(dueAt) + " (мск)";
    }
}
