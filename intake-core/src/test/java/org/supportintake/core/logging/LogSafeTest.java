package org.supportintake.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void lineBreaksAndControlCharactersCannotStartALineOfTheirOwn() {
        String forged = "a.pdf\r\n2026-12-02 10:00:00.000 INFO  fake - admin logged in\u0000\u202e\u2028";

        assertThat(LogSafe.of(forged).toString())
                .isEqualTo("a.pdf\\r\\n2026-12-02 10:00:00.000 INFO  fake - admin logged in\\u0000\\u202e\\u2028")
                .doesNotContain("\r", "\n");
    }

    @Test
    void backslashIsDoubledSoAnEscapeCannotBeFaked() {
        assertThat(LogSafe.of("a\\nb").toString()).isEqualTo("a\\\\nb");
    }

    @Test
    void cyrillicAndSpacesStayAsTheyAre() {
        assertThat(LogSafe.of("Скан паспорта.pdf").toString()).isEqualTo("Скан паспорта.pdf");
    }

    @Test
    void longValuesAreCut() {
        assertThat(LogSafe.of("x".repeat(10_000)).toString()).hasSize(LogSafe.MAX_CHARS + "…(10000 chars)".length());
    }

    @Test
    void nullIsWrittenAsNull() {
        assertThat(LogSafe.of(null).toString()).isEqualTo("null");
    }
}
