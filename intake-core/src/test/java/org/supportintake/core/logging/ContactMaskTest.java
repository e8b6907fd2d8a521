package org.supportintake.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactMaskTest {

    @Test
    void emailsKeepTheirFirstCharacterAndDomainAndPhonesTheirLastTwoDigits() {
        assertThat(ContactMask.masked("from=ivan.petrov@mail.ru, Мария <мария@почта.рф>, +7 (912) 345-67-89; 89123456701"))
                .isEqualTo("from=i***@mail.ru, Мария <м***@почта.рф>, ***89; ***01");
    }

    @Test
    void ticketNumbersDatesAndOurOwnMessageIdsStay() {
        String text = "ticket 26-0004217-9 due 2026-12-03 10:00:00, sent <intake.12345678-2fa1-4123-8123-123456789012@localhost>"
                + " on thread qtp1234567890-17";

        assertThat(ContactMask.masked(text)).isEqualTo(text);
    }

    @Test
    void textWithoutContactsIsReturnedAsItIs() {
        String text = "poll took 12 ms";

        assertThat(ContactMask.masked(text)).isSameAs(text);
        assertThat(ContactMask.masked(null)).isNull();
    }
}
