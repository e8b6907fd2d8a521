package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.supportintake.core.ticket.TicketStatus;

class DueTextTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    private static String left(Duration fromNow) {
        return DueText.left(NOW.plus(fromNow), NOW, TicketStatus.IN_PROGRESS).orElseThrow();
    }

    @Test
    void timeLeftIsHoursAndMinutesOrDaysAndHours() {
        assertThat(left(Duration.ofMinutes(130))).isEqualTo("осталось 2 ч 10 мин");
        assertThat(left(Duration.ofHours(5))).isEqualTo("осталось 5 ч");
        assertThat(left(Duration.ofMinutes(7).plusSeconds(59))).isEqualTo("осталось 7 мин");
        assertThat(left(Duration.ofDays(3).plusHours(4).plusMinutes(30))).isEqualTo("осталось 3 дн 4 ч");
        assertThat(left(Duration.ofSeconds(30))).isEqualTo("осталось меньше минуты");
    }

    @Test
    void timePastIsSaidAsOverdue() {
        assertThat(left(Duration.ofHours(-3))).isEqualTo("просрочено на 3 ч");
        assertThat(left(Duration.ofMinutes(-75))).isEqualTo("просрочено на 1 ч 15 мин");
        assertThat(left(Duration.ofDays(-2))).isEqualTo("просрочено на 2 дн");
        assertThat(left(Duration.ofSeconds(-20))).isEqualTo("только что просрочено");
        assertThat(DueText.late(NOW.minusSeconds(1), NOW, TicketStatus.ACCEPTED)).isTrue();
        assertThat(DueText.late(NOW.plusSeconds(1), NOW, TicketStatus.ACCEPTED)).isFalse();
    }

    @Test
    void anAnsweredTicketHasNoTimeLeftAndAWaitingOneIsPaused() {
        assertThat(DueText.left(NOW.minusSeconds(3600), NOW, TicketStatus.RESOLVED)).isEmpty();
        assertThat(DueText.left(NOW.minusSeconds(3600), NOW, TicketStatus.CLOSED)).isEmpty();
        assertThat(DueText.left(NOW.minusSeconds(3600), NOW, TicketStatus.WAITING_FOR_CITIZEN)).contains("срок на паузе");
        assertThat(DueText.late(NOW.minusSeconds(3600), NOW, TicketStatus.WAITING_FOR_CITIZEN)).isFalse();
    }
}
