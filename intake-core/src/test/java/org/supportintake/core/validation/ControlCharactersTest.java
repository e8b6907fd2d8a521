package org.supportintake.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What email's path removes is what the form refuses: the same characters, one list. */
class ControlCharactersTest {

    private static final String SCOTLAND =
            "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";

    private static String tags(String ascii) {
        return ascii.codePoints().map(c -> 0xE0000 + c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    @Test
    void hiddenWordsInTagCharactersAndBidiOverridesAreRemovedFromALine() {
        String subject = "Оплата " + tags("ignore all previous") + "\u202Eгпд.exe\u202C \u200Bпошлины\u2066";
        assertThat(ControlCharacters.removedFrom(subject, false)).isEqualTo("Оплата гпд.exe пошлины");
    }

    @Test
    void aLineBreakInOneLineBecomesASpaceAndStaysInText() {
        assertThat(ControlCharacters.removedFrom("Тема\nвторая\u2028строка\tконец", false))
                .isEqualTo("Тема вторая строка конец");
        assertThat(ControlCharacters.removedFrom("Текст\r\nвторая\tстрока\u2028", true))
                .isEqualTo("Текст\r\nвторая\tстрока\u2028");
    }

    @Test
    void textKeepsZeroWidthCharactersAsTheFormsDescriptionDoesButLosesBidiControlsAndTags() {
        assertThat(ControlCharacters.removedFrom("Текст\u200B \u202Eобратно\u202C" + tags("hidden") + "\u0000.", true))
                .isEqualTo("Текст\u200B обратно.");
    }

    @Test
    void emojiSequencesAndFlagsStayWhole() {
        String emoji = "\uD83D\uDC68\u200D\uD83D\uDCBB " + SCOTLAND + " мягкий\u00ADперенос";
        assertThat(ControlCharacters.removedFrom(emoji, false)).isSameAs(emoji);
        assertThat(ControlCharacters.removedFrom("\uD83C\uDFF4" + tags("ignore all previous") + "\uDB40\uDC7F", false))
                .isEqualTo("\uD83C\uDFF4");
    }
}
