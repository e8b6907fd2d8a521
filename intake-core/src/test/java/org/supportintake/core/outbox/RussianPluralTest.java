package org.supportintake.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RussianPluralTest {

    @ParameterizedTest
    @CsvSource({"0, 0 дней", "1, 1 день", "2, 2 дня", "4, 4 дня", "5, 5 дней", "7, 7 дней", "11, 11 дней", "12, 12 дней",
            "14, 14 дней", "21, 21 день", "22, 22 дня", "25, 25 дней", "101, 101 день", "111, 111 дней", "112, 112 дней"})
    void aCountTakesTheNounInTheRussianFormForIt(long count, String expected) {
        assertThat(RussianPlural.of(count, "день", "дня", "дней")).isEqualTo(expected);
    }
}
