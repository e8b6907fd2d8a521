package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supportintake.core.log.EventKind;

class EventDetailTest {

    @Test
    void filesOfANewTicketOrAFollowUpAreCountedInWords() {
        assertThat(EventDetail.readable(EventKind.TICKET_CREATED, "attachments=3 rejected=1"))
                .isEqualTo("файлов: 3, не принято: 1");
        assertThat(EventDetail.readable(EventKind.FOLLOW_UP_ADDED, "attachments=0 rejected=0")).isEqualTo("без файлов");
        assertThat(EventDetail.readable("ticket_created", "attachments=1 rejected=0 related=26-0004217-9"))
                .isEqualTo("файлов: 1, не принято: 0; связано с обращением 26-0004217-9");
    }

    @Test
    void changesReadAsTheStaffPagesNameTheirValuesWithTimesInMoscow() {
        assertThat(EventDetail.readable(EventKind.DUE_EXTENDED, "2026-12-08T15:00:00Z -> 2030-01-15T09:00:00Z"))
                .isEqualTo("08.12.2026 18:00:00 → 15.01.2030 12:00:00 (мск)");
        assertThat(EventDetail.readable(EventKind.CATEGORY_CHANGED, " -> complaint")).isEqualTo("не указана → Жалоба");
        assertThat(EventDetail.readable(EventKind.PRIORITY_CHANGED, "normal -> high")).isEqualTo("Обычный → Высокий");
        assertThat(EventDetail.readable(EventKind.MARKED_NOT_A_REQUEST, "accepted -> closed; unsent mail withdrawn: 1"))
                .isEqualTo("Принято → Закрыто; неотправленных писем отозвано: 1");
        assertThat(EventDetail.readable(EventKind.ACKNOWLEDGEMENT_SUPPRESSED, "limit per hour reached"))
                .isEqualTo("достигнут предел писем на адрес в час");
    }

    @Test
    void aFailureForTheAdministratorAndAnyUnknownShapeAreShownAsRecorded() {
        assertThat(EventDetail.readable(EventKind.ACKNOWLEDGEMENT_FAILED, "550 5.1.1 mailbox unavailable"))
                .isEqualTo("550 5.1.1 mailbox unavailable");
        assertThat(EventDetail.readable(EventKind.DUE_EXTENDED, "someday -> 2030-01-15T09:00:00Z"))
                .isEqualTo("someday → 15.01.2030 12:00:00 (мск)");
        assertThat(EventDetail.readable("kind_of_a_later_version", "attachments=1 rejected=0"))
                .isEqualTo("attachments=1 rejected=0");
    }
}
