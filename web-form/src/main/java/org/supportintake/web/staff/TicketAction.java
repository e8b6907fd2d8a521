package org.supportintake.web.staff;

import java.util.Arrays;
import java.util.Optional;

/** A move staff make from the ticket page: the last part of its form's path, and what the page says once it is done. */
enum TicketAction {
    TAKE("take", "taken", "Обращение взято в работу."),
    ASK("ask", "asked", "Вопрос отправлен гражданину. Ждём ответа гражданина: срок приостановлен."),
    RESOLVE("resolve", "resolved", "Ответ отправлен гражданину, обращение решено."),
    CLOSE("close", "closed", "Обращение закрыто."),
    EXTEND("extend", "extended", "Срок перенесён, гражданину отправлено уведомление."),
    CATEGORY("category", "category", "Категория изменена, срок пересчитан."),
    PRIORITY("priority", "priority", "Приоритет изменён, срок пересчитан."),
    SPAM("spam", "spam", "Обращение отмечено как не обращение (спам) и закрыто; неотправленные письма отменены.");

    private final String path;
    private final String done;
    private final String notice;

    TicketAction(String path, String done, String notice) {
        this.path = path;
        this.done = done;
        this.notice = notice;
    }

    static Optional<TicketAction> byPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
    }

    /** The notice for {@code ?done=…}, shown once after the redirect. */
    static Optional<String> noticeFor(String done) {
        return Arrays.stream(values()).filter(a -> a.done.equals(done)).findFirst().map(a -> a.notice);
    }

    String done() {
        return done;
    }
}
