package org.supportintake.core.work;

import java.time.Instant;

import org.supportintake.core.outbox.AcknowledgementText;
import org.supportintake.core.ticket.TicketNumber;

/** The Russian wording of what a citizen is told when staff move their ticket. Staff texts are quoted as written. */
public final class CitizenNotices {

    private static final String SIGNATURE = "\nСлужба поддержки\n";

    private final String statusPage;

    public CitizenNotices(String publicUrl) {
        this.statusPage = (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + "status";
    }

    public String takenSubject(TicketNumber number) {
        return number.subjectTag() + " Обращение взято в работу";
    }

    public String taken(TicketNumber number, Instant dueAt) {
        return "Здравствуйте!\n\nВаше обращение № " + number + " взято в работу.\nОтвет будет направлен не позднее "
                + due(dueAt) + ".\n\nСтатус обращения: " + statusPage + "\n\nПисьмо отправлено автоматически." + SIGNATURE;
    }

    public String questionSubject(TicketNumber number) {
        return number.subjectTag() + " Требуется уточнение";
    }

    public String question(TicketNumber number, String question) {
        return "Здравствуйте!\n\nЧтобы ответить на обращение № " + number + ", нам нужно уточнение:\n\n" + question.strip()
                + "\n\nОтветьте, пожалуйста, на это письмо, не меняя тему. Пока мы ждём ответа, срок рассмотрения "
                + "обращения приостановлен.\n\nСтатус обращения: " + statusPage + "\n" + SIGNATURE;
    }

    public String answerSubject(TicketNumber number) {
        return number.subjectTag() + " Ответ на обращение";
    }

    public String answer(TicketNumber number, String answer, int reopenDays) {
        return "Здравствуйте!\n\nОтвет на ваше обращение № " + number + ":\n\n" + answer.strip()
                + "\n\nОбращение решено. Если вопрос остался, ответьте на это письмо, не меняя тему, в течение "
                + reopenDays + " дней: обращение будет открыто снова.\n\nСтатус обращения: " + statusPage + "\n"
                + SIGNATURE;
    }

    public String delaySubject(TicketNumber number) {
        return number.subjectTag() + " Срок ответа перенесён";
    }

    public String delay(TicketNumber number, Instant oldDue, Instant newDue, String reason) {
        return "Здравствуйте!\n\nСрок ответа на ваше обращение № " + number + " перенесён.\nБыло: не позднее "
                + due(oldDue) + ".\nСтало: не позднее " + due(newDue) + ".\nПричина: " + reason.strip()
                + "\n\nПриносим извинения за задержку.\n\nСтатус обращения: " + statusPage + "\n" + SIGNATURE;
    }

    private static String due(Instant dueAt) {
        return AcknowledgementText.formatDue(dueAt) + " (мск)";
    }
}
