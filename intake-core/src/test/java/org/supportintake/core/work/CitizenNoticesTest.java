package org.supportintake.core.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.supportintake.core.outbox.MailBody;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.ticket.TicketNumber;

class CitizenNoticesTest {

    private final CitizenNotices notices = new CitizenNotices("https://support.example.ru", IntakeFixture.RATING_LINKS);
    private final TicketNumber number = TicketNumber.of(26, 4217);

    @Test
    void aNoticeWithoutStaffTextHasNoEmptyQuote() {
        MailBody taken = notices.taken(number, Instant.parse("2026-12-03T11:17:00Z"));
        MailBody delay = notices.delay(number, Instant.parse("2026-12-03T11:17:00Z"), Instant.parse("2026-12-04T15:00:00Z"),
                "Нужен ответ ведомства.");

        assertThat(taken.html()).doesNotContain("<blockquote");
        assertThat(delay.html()).doesNotContain("<blockquote");
        assertThat(taken.text()).contains("взято в работу.\n\nОтвет будет направлен").doesNotContain("\n\n\n");
        assertThat(delay.text()).contains("перенесён.\n\nБыло: ").doesNotContain("\n\n\n");
    }

    @Test
    void theReopenWindowIsCountedInTheRussianFormOfItsDays() {
        Instant resolvedAt = Instant.parse("2026-12-03T11:17:00Z");
        assertThat(notices.answer(number, "Готово.", 1, 5, resolvedAt).text()).contains("в течение 1 дня: обращение");
        assertThat(notices.answer(number, "Готово.", 3, 5, resolvedAt).text()).contains("в течение 3 дней: обращение");
        assertThat(notices.answer(number, "Готово.", 7, 5, resolvedAt).text()).contains("в течение 7 дней: обращение");
        assertThat(notices.answer(number, "Готово.", 21, 5, resolvedAt).html()).contains("в течение 21 дня: обращение");
    }

    @Test
    void onlyTheNoticeNoPersonWroteSaysItWasSentAutomatically() {
        Instant due = Instant.parse("2026-12-03T11:17:00Z");
        assertThat(notices.taken(number, due).text()).contains("Письмо отправлено автоматически.\nСлужба поддержки");
        for (MailBody written : java.util.List.of(notices.question(number, "Уточните номер заявления."),
                notices.answer(number, "Готово.", 7, 5, due), notices.delay(number, due, due.plusSeconds(86_400), "Запрос."))) {
            assertThat(written.text()).doesNotContain("автоматически").endsWith("Служба поддержки\n");
            assertThat(written.html()).doesNotContain("автоматически").contains(">Служба поддержки</p>");
        }
    }

    @Test
    void theTicketNumberStaysOnOneLineInTheHtml() {
        Instant due = Instant.parse("2026-12-03T11:17:00Z");
        String kept = "<span style=\"white-space:nowrap;\">№ " + number + "</span>";
        for (MailBody notice : java.util.List.of(notices.taken(number, due), notices.question(number, "Уточните."),
                notices.answer(number, "Готово.", 7, 5, due), notices.delay(number, due, due.plusSeconds(86_400), "Запрос."))) {
            assertThat(notice.html()).contains(kept);
            assertThat(notice.text()).contains("обращение № " + number);
        }
    }
}
