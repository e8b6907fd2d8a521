package org.supportintake.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenTicketTest {

    @Test
    void titleIsTheSubjectCutTo200Characters() {
        assertThat(OpenTicket.title("Я".repeat(250))).hasSize(200);
        assertThat(OpenTicket.title("  Вопрос \n про   справку ")).isEqualTo("Вопрос про справку");
    }

    @Test
    void titleNeverSplitsASurrogatePair() {
        String title = OpenTicket.title("😀".repeat(201));
        assertThat(title.codePointCount(0, title.length())).isEqualTo(200);
    }

    @Test
    void emptySubjectGetsAPlaceholderTitle() {
        assertThat(OpenTicket.title(" ")).isEqualTo("(без темы)");
    }
}
