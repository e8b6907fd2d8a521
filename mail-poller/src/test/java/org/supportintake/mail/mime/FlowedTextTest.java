package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowedTextTest {

    @Test
    void joinsSoftBrokenLinesIntoOneParagraph() {
        assertThat(FlowedText.unflow("Не могу записаться к \nврачу через портал.\n\nСпасибо.", false))
                .isEqualTo("Не могу записаться к врачу через портал.\n\nСпасибо.");
    }

    @Test
    void deletesTheTrailingSpaceWithDelspYes() {
        assertThat(FlowedText.unflow("записать\nся", false)).isEqualTo("записать\nся");
        assertThat(FlowedText.unflow("записать \nся", true)).isEqualTo("записаться");
    }

    @Test
    void keepsQuoteDepthsApartAndUndoesSpaceStuffing() {
        assertThat(FlowedText.unflow("> Ваше обращение \n> принято.\nСпасибо, \n From now on.\n-- \nИван", false))
                .isEqualTo("> Ваше обращение принято.\nСпасибо, From now on.\n-- \nИван");
    }
}
