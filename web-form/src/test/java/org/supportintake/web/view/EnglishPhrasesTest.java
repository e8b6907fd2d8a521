package org.supportintake.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.samskivert.mustache.Mustache;

class EnglishPhrasesTest {

    private static String render(String text) {
        return Mustache.compiler().compile("<td>{{#english}}{{text}}{{/english}}</td>")
                .execute(Map.of("english", EnglishPhrases.LAMBDA, "text", text));
    }

    @Test
    void anEnglishReasonIsMarkedEnglishAndTheRussianAroundItIsNot() {
        assertThat(render("Снова отложено: MIME parts nested deeper than 20 levels"))
                .isEqualTo("<td>Снова отложено: <span lang=\"en\">MIME parts nested deeper than 20 levels</span></td>");
    }

    @Test
    void aTermAnAddressOrADomainIsNoPhrase() {
        assertThat(render("Message-ID, poison@mail.example.ru, www.evil.example.ru, файлов: 3"))
                .isEqualTo("<td>Message-ID, poison@mail.example.ru, www.evil.example.ru, файлов: 3</td>");
    }

    @Test
    void escapedMarkupStaysEscapedAndWhole() {
        assertThat(render("deep <script>alert(1)</script> and more words & so on"))
                .isEqualTo("<td>deep &lt;script&gt;alert(1)&lt;/script&gt; <span lang=\"en\">and more words</span> &amp; so on</td>")
                .doesNotContain("<script>");
    }
}
