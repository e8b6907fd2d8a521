package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderTextTest {

    private static final String SUBJECT = "Не могу записаться к врачу";

    private static String encodedWord(String charset, String text) {
        return "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(Charset.forName(charset))) + "?=";
    }

    @ParameterizedTest
    @ValueSource(strings = {"koi8-r", "windows-1251", "IBM866", "utf-8"})
    void decodesBase64WordsInEveryCyrillicCharset(String charset) {
        assertThat(HeaderText.decode(encodedWord(charset, SUBJECT))).isEqualTo(SUBJECT);
    }

    @Test
    void decodesQuotedPrintableWordsWithUnderscoresAsSpaces() {
        assertThat(HeaderText.decode("=?utf-8?Q?=D0=92=D0=BE=D0=BF=D1=80=D0=BE=D1=81_=D0=BF=D0=BE_=D1=81=D0=BF=D1=80=D0=B0=D0=B2=D0=BA=D0=B5?="))
                .isEqualTo("Вопрос по справке");
    }

    @Test
    void joinsAdjacentWordsWithoutTheFoldingSpace() {
        String folded = encodedWord("utf-8", "Не могу ") + "\r\n " + encodedWord("utf-8", "записаться");
        assertThat(HeaderText.decode("Re: " + folded)).isEqualTo("Re: Не могу записаться");
    }

    @ParameterizedTest
    @ValueSource(strings = {"win-1251", "cp-1251", "x-cp1251"})
    void toleratesMisspeltCharsetLabels(String label) {
        String word = "=?" + label + "?B?" + Base64.getEncoder().encodeToString(SUBJECT.getBytes(Charset.forName("windows-1251"))) + "?=";
        assertThat(HeaderText.decode(word)).isEqualTo(SUBJECT);
    }

    @Test
    void guessesAWrongLabel() {
        String koi8LabelledAs1251 = "=?windows-1251?B?" + Base64.getEncoder().encodeToString(SUBJECT.getBytes(Charset.forName("KOI8-R"))) + "?=";
        assertThat(HeaderText.decode(koi8LabelledAs1251)).isEqualTo(SUBJECT); // its windows-1251 reading is «оЕ НПЗХ…»
        String unknownLabel = "=?x-unknown?B?" + Base64.getEncoder().encodeToString(SUBJECT.getBytes(Charset.forName("KOI8-R"))) + "?=";
        assertThat(HeaderText.decode(unknownLabel)).isEqualTo(SUBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf-8", "windows-1251", "koi8-r"})
    void readsRawEightBitHeaders(String charset) {
        String asJakartaMailReturnsIt = new String(SUBJECT.getBytes(Charset.forName(charset)), StandardCharsets.ISO_8859_1);
        assertThat(HeaderText.decode(asJakartaMailReturnsIt)).isEqualTo(SUBJECT);
    }

    @Test
    void leavesPlainTextAlone() {
        assertThat(HeaderText.decode("Re: question about =? marks")).isEqualTo("Re: question about =? marks");
    }

    @Test
    void decodesAWordInUtf7() {
        assertThat(HeaderText.decode("=?utf-7?Q?+BBcEMAQ/BDgEQQRM-?=")).isEqualTo("Запись");
    }

    @Test
    void decodesAQWordWithUnencodedSpaces() {
        assertThat(HeaderText.decode("=?iso-8859-1?Q?Ren=E9e Dupont?= <r@example.fr>")).isEqualTo("Renée Dupont <r@example.fr>");
    }

    @Test
    void decodesAWholeValueSentAsBareBase64() {
        String bare = Base64.getEncoder().encodeToString(SUBJECT.getBytes(StandardCharsets.UTF_8));
        assertThat(HeaderText.decode(bare)).isEqualTo(SUBJECT);
        assertThat(HeaderText.decode("TestCase")).isEqualTo("TestCase");
    }

    @Test
    void joinsACharacterSplitAcrossTwoWords() {
        byte[] bytes = "Запись".getBytes(StandardCharsets.UTF_8);
        String first = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, 0, 3));
        String second = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, 3, bytes.length));
        assertThat(HeaderText.decode("=?UTF-8?B?" + first + "?=\r\n =?utf-8?B?" + second + "?=")).isEqualTo("Запись");
    }
}
