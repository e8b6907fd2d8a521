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
}
