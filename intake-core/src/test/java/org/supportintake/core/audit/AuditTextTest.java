package org.supportintake.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditTextTest {

    @Test
    void masksAnEmailToItsFirstCharacterAndDomain() {
        assertThat(AuditText.masked("q=\"ivanova@mail.ru\" status=all")).isEqualTo("q=\"i***@mail.ru\" status=all");
    }

    @Test
    void masksAPhoneInAnyUsualWritingToItsLastTwoDigits() {
        assertThat(AuditText.masked("q=+7 (916) 123-45-67")).isEqualTo("q=***67");
        assertThat(AuditText.masked("q=89161234567")).isEqualTo("q=***67");
    }

    @Test
    void keepsTicketNumbersDatesAndShortNumbers() {
        assertThat(AuditText.masked("ticket 26-0004217-9 from 2026-12-02 to 2026-12-03T10:00:00Z limit 50 id 1234567"))
                .isEqualTo("ticket 26-0004217-9 from 2026-12-02 to 2026-12-03T10:00:00Z limit 50 id 1234567");
    }

    @Test
    void cutsAtFiveHundredCharacters() {
        assertThat(AuditText.masked("а".repeat(600))).hasSize(500);
    }
}
