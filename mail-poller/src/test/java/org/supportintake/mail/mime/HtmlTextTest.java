package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Nested
    @DisplayName("blocks and spaces")
    class Blocks {

        @Test
        void paragraphsAreSeparatedByOneBlankLine() {
            assertThat(HtmlText.toText("<p>Здравствуйте!</p><p>Не приходит код.</p><h2>Итог</h2>Всё."))
                    .isEqualTo("Здравствуйте!\n\nНе приходит код.\n\nИтог\n\nВсё.");
        }

        @Test
        void divsBreaksAndRulesEndLines() {
            assertThat(HtmlText.toText("<div>Строка 1</div><div>Строка 2<br>Строка 3</div>Строка 4<hr>Строка 5"))
                    .isEqualTo("Строка 1\nСтрока 2\nСтрока 3\nСтрока 4\nСтрока 5");
        }

        @Test
        void emptyLinesAsGmailAndOutlookWriteThemBecomeAtMostOneBlankLine() {
            String html = """
                    <div dir="ltr"><div>Добрый день!</div><div><br></div><div>Код не пришёл.</div>
                    <div><br></div><div><br></div><div>&nbsp;</div><p>&nbsp;</p><div>Иван</div></div>""";
            assertThat(HtmlText.toText(html)).isEqualTo("Добрый день!\n\nКод не пришёл.\n\nИван");
        }

        @Test
        void entitiesAreDecodedAndSpacesCollapsed() {
            String html = "<p>  &laquo;Госуслуги&raquo;&nbsp;&amp;&nbsp;&nbsp;МФЦ\n\t <b>&lt;тест&gt;</b>  &#8470;&#160;5  </p>";
            assertThat(HtmlText.toText(html)).isEqualTo("«Госуслуги» & МФЦ <тест> № 5");
        }

        @Test
        void preformattedTextKeepsItsLines() {
            assertThat(HtmlText.toText("<p>Лог:</p><pre>ERROR 500\n    at step 2\n\nretry</pre>"))
                    .isEqualTo("Лог:\n\nERROR 500\nat step 2\n\nretry");
        }

        @Test
        void scriptsStylesHeadAndHiddenElementsAreDropped() {
            String html = """
                    <html><head><title>Тема</title><style>p {color: red}</style></head><body>
                    <div style="display: none; max-height: 0">Превью письма</div><script>alert(1)</script>
                    <p>Видно</p><span style="DISPLAY:NONE !important">скрыто</span><p hidden>тоже</p>
                    <div style="mso-hide:all">и это</div><!-- комментарий --><p>Тоже видно</p></body></html>""";
            assertThat(HtmlText.toText(html)).isEqualTo("Видно\n\nТоже видно");
        }
    }

    @Nested
    @DisplayName("lists, tables, links, images")
    class Structure {

        @Test
        void listItemsGetMarkersAndNestedListsAreIndented() {
            String html = """
                    <p>Шаги:</p><ol><li>Войти</li><li>Открыть заявление<ul><li>раздел «Услуги»</li></ul></li>
                    <li><p>Нажать «Отправить»</p></li></ol><ul><li>Паспорт</li><li></li><li>СНИЛС</li></ul>Готово""";
            assertThat(HtmlText.toText(html)).isEqualTo("""
                    Шаги:

                    1. Войти
                    2. Открыть заявление
                      - раздел «Услуги»
                    3. Нажать «Отправить»

                    - Паспорт
                    - СНИЛС
                    Готово""");
        }

        @Test
        void orderedListsHonourTheirStartAndIgnoreANonsenseOne() {
            assertThat(HtmlText.toText("<ol start=\"3\"><li>а</li><li>б</li></ol><ol start=\"x\"><li>в</li></ol>"))
                    .isEqualTo("3. а\n4. б\n1. в");
        }

        @Test
        void tableCellsAreJoinedWithBarsAndEmptyCellsSkipped() {
            String html = """
                    <table><tr><th>Услуга</th><th>Статус</th></tr>
                    <tr><td><p class=MsoNormal>Загранпаспорт<o:p></o:p></p></td><td>&nbsp;</td><td><p>Ошибка</p></td></tr>
                    </table><p>Текст после</p>""";
            assertThat(HtmlText.toText(html)).isEqualTo("Услуга | Статус\nЗагранпаспорт | Ошибка\n\nТекст после");
        }

        @Test
        void linksShowTheirAddressUnlessTheTextAlreadyIsIt() {
            String html = """
                    <p>См. <a href="https://www.gosuslugi.ru/help">страницу помощи</a>,
                    <a href="https://www.gosuslugi.ru/">https://www.gosuslugi.ru</a> и <a href="http://mfc.ru">mfc.ru</a>.</p>""";
            assertThat(HtmlText.toText(html)).isEqualTo(
                    "См. страницу помощи (https://www.gosuslugi.ru/help), https://www.gosuslugi.ru и mfc.ru.");
        }

        @Test
        void mailAddressesScriptsAndAnchorsShowOnlyTheirText() {
            String html = """
                    Пишите на <a href="mailto:support@gosuslugi.example">support@gosuslugi.example</a>,
                    <a href="MAILTO:help@mfc.example">в МФЦ</a>, <a href="javascript:alert(1)">сюда</a> или <a href="#top">наверх</a>""";
            assertThat(HtmlText.toText(html))
                    .isEqualTo("Пишите на support@gosuslugi.example, в МФЦ, сюда или наверх");
        }

        @Test
        void imagesBecomeTheirAltTextOrNothing() {
            String html = """
                    <p>Скриншот: <img src="cid:img1" alt="ошибка 500"> <img src="cid:img2"></p>
                    <a href="https://example.ru/"><img alt="Логотип"></a><a href="https://track.example/p"><img src="p.gif"></a>""";
            assertThat(HtmlText.toText(html)).isEqualTo("Скриншот: ошибка 500\n\nЛоготип (https://example.ru/)");
        }
    }

    @Nested
    @DisplayName("quoted earlier messages")
    class Quotes {

        @Test
        void blockquotesPrefixEveryLineAndNestedOnesTwice() {
            String html = "<p>Новый текст</p><blockquote><p>Цитата</p><p>Абзац</p><blockquote>Вложенная</blockquote>"
                    + "</blockquote><div>После</div>";
            assertThat(HtmlText.toText(html)).isEqualTo("Новый текст\n\n> Цитата\n>\n> Абзац\n>\n> > Вложенная\nПосле");
        }

        @Test
        void gmailAttributionStaysAnOrdinaryLineJustBeforeTheQuote() {
            String html = """
                    <div dir="ltr">Спасибо!</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">\
                    пн, 23 нояб. 2026 г. в 10:15, Иван &lt;<a href="mailto:ivan@gmail.com">ivan@gmail.com</a>&gt;:<br></div>\
                    <blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid">\
                    <div>Вопрос</div></blockquote></div>""";
            assertThat(HtmlText.toText(html))
                    .isEqualTo("Спасибо!\n\nпн, 23 нояб. 2026 г. в 10:15, Иван <ivan@gmail.com>:\n> Вопрос");
        }

        @Test
        void outlookReplyHeaderAndEverythingAfterItAreQuoted() {
            String html = """
                    <div>Ответ</div><hr><div id="divRplyFwdMsg"><b>From:</b> Support<br><b>Sent:</b> Monday</div>
                    <div>Old text</div><p>Old paragraph</p>""";
            assertThat(HtmlText.toText(html))
                    .isEqualTo("Ответ\n> From: Support\n> Sent: Monday\n> Old text\n>\n> Old paragraph");
        }

        @Test
        void hiddenElementsInsideAQuoteLeaveItsDepthAlone() {
            String html = "<blockquote><blockquote style=\"display:none\">x</blockquote><ul hidden><li>y</ul>"
                    + "<table style=\"display:none\"><tr><td>z</table><p>Цитата</p></blockquote><p>После</p>";
            assertThat(HtmlText.toText(html)).isEqualTo("> Цитата\n\nПосле");
        }
    }

    @Nested
    @DisplayName("hostile input")
    class Hostile {

        private static final Duration LIMIT = Duration.ofSeconds(30);

        @Test
        void tenMegabytesOfNestedElementsNeitherOverflowTheStackNorTakeLong() {
            String html = "<div><span>".repeat(1_000_000) + "дно";
            assertThat(html.length()).isGreaterThan(10_000_000);
            assertThat(assertTimeoutPreemptively(LIMIT, () -> HtmlText.toText(html))).isEqualTo("дно");
        }

        @Test
        void deeplyNestedQuotesAndListsAreCappedNotQuadratic() {
            String quotes = "<blockquote>уровень".repeat(100_000);
            String lists = "<ul><li>пункт".repeat(100_000);
            String quoted = assertTimeoutPreemptively(LIMIT, () -> HtmlText.toText(quotes));
            String listed = assertTimeoutPreemptively(LIMIT, () -> HtmlText.toText(lists));
            assertThat(quoted.lines().skip(99_999).toList()).containsExactly("> > > > > > > > > > уровень");
            assertThat(listed.lines().skip(99_999).toList()).containsExactly("        - пункт");
            assertThat(listed.lines().limit(3).toList()).containsExactly("- пункт", "  - пункт", "    - пункт");
        }

        @Test
        void tenMegabytesOfParagraphsRenderInLinearTime() {
            String html = IntStream.range(0, 400_000)
                    .mapToObj(i -> "<p>Строка&nbsp;" + i + " <b>&amp;</b> <a href=\"https://x.ru/" + i + "\">ссылка</a></p>")
                    .collect(Collectors.joining("\n"));
            String expected = IntStream.range(0, 400_000)
                    .mapToObj(i -> "Строка " + i + " & ссылка (https://x.ru/" + i + ")")
                    .collect(Collectors.joining("\n\n"));
            assertThat(html.length()).isGreaterThan(10_000_000);
            assertThat(assertTimeoutPreemptively(LIMIT, () -> HtmlText.toText(html))).isEqualTo(expected);
        }

        @Test
        void unclosedFormattingAndTablesDoNotBlowUp() {
            String html = "<b><i><u><font>т".repeat(100_000) + "<table><tr><td>я".repeat(20_000);
            String text = assertTimeoutPreemptively(LIMIT, () -> HtmlText.toText(html));
            assertThat(text).isEqualTo("т".repeat(100_000) + "\nя".repeat(20_000));
        }
    }
}
