package org.supportintake.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.supportintake.core.ticket.TicketNumber;

class QueueSearchTest {

    @Test
    void eachKindIsRecognisedFromWhatWasTyped() {
        TicketNumber number = TicketNumber.of(26, 4217);
        assertThat(QueueSearch.of("№ " + number)).contains(new QueueSearch.ByNumber(number));
        assertThat(QueueSearch.of(" Ivanova@Example.ru ")).contains(new QueueSearch.ByEmail("ivanova@example.ru"));
        assertThat(QueueSearch.of("8 (912) 345-67-89")).contains(new QueueSearch.ByPhone("+79123456789"));
        assertThat(QueueSearch.of("Не загружается, кабинет!"))
                .contains(new QueueSearch.ByWords(List.of("Не", "загружается", "кабинет")));
    }

    @Test
    void aNumberWithAWrongCheckDigitIsSearchedAsTextNotAsANumber() {
        TicketNumber number = TicketNumber.of(26, 4217);
        String wrong = number.toString().substring(0, 11) + ((number.checkDigit() + 1) % 10);
        assertThat(QueueSearch.of(wrong)).containsInstanceOf(QueueSearch.ByWords.class);
    }

    @Test
    void nothingToSearchForIsNoSearch() {
        assertThat(QueueSearch.of("  ")).isEmpty();
        assertThat(QueueSearch.of("%%% ---")).isEmpty();
        assertThat(QueueSearch.of(null)).isEmpty();
    }
}
