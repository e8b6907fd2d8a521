package org.supportintake.web.staff;

import java.util.Optional;

/**
 * A staff page's title. After a move (Post/Redirect/Get) it starts with the outcome: a screen reader reads the title
 * of the page that loads, not a status box already in it, so «Ответ отправлен гражданину…» is heard, not only seen.
 */
final class PageTitle {

    private PageTitle() {
    }

    /** «Ошибка: PAGE» when a form came back with errors, «NOTICE — PAGE» after a move, else PAGE. */
    static String of(String page, boolean errors, Optional<String> notice) {
        if (errors) {
            return "Ошибка: " + page;
        }
        return notice.map(text -> text.strip().replaceAll("\\.$", "") + " — " + page).orElse(page);
    }
}
