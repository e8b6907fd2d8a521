package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressCommentsTest {

    @Test
    void takesNestedCommentsOutOfTheAddressAsRfc5322AppendixA5Writes() {
        AddressComments comments = AddressComments.of("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>");
        assertThat(comments.withoutComments()).isEqualTo("Pete <pete@silly.test>");
    }

    @Test
    void keepsTheTrailingCommentThatOldMailersUseAsTheName() {
        assertThat(AddressComments.of("ivan@example.ru (Иван (Ваня) Петров)").lastComment()).isEqualTo("Иван (Ваня) Петров");
    }

    @Test
    void leavesParenthesesInQuotedNamesAlone() {
        assertThat(AddressComments.of("\"Petrov (home)\" <p@example.ru>").withoutComments())
                .isEqualTo("\"Petrov (home)\" <p@example.ru>");
    }
}
