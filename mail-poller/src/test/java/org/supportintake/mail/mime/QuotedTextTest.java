package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QuotedTextTest {

    private static final String SIGNED = "Код так и не пришёл.\n\nС уважением,\nИван Петров\n\nОтправлено с iPhone";

    @Nested
    @DisplayName("messages with nothing quoted")
    class Plain {

        @Test
        void aPlainMessageIsAllFreshWithItsSignature() {
            assertThat(QuotedText.split("\n  " + SIGNED + "\n\n")).isEqualTo(new QuotedText(SIGNED, ""));
        }

        @Test
        void greaterThanInsideASentenceIsNotAQuote() {
            String text = "Списали > 1000 рублей, хотя должно быть < 500.\nСрок больше 10 дней > нормы.";
            assertThat(QuotedText.split(text)).isEqualTo(new QuotedText(text, ""));
        }

        @Test
        void wroteInsideASentenceIsNotAReplyHeader() {
            String text = "The operator wrote: call back later.\nСотрудник написал(а): обратитесь в МФЦ.\nОн написал:\nждите";
            assertThat(QuotedText.split(text)).isEqualTo(new QuotedText(text, ""));
        }

        @Test
        void aLineStartingWithGreaterThanAmidOwnTextIsKept() {
            String text = "Ошибка появляется, если попыток\n>5 за час.\nЧто делать?";
            assertThat(QuotedText.split(text)).isEqualTo(new QuotedText(text, ""));
        }

        @Test
        void forwardedMessagesAreContentNotQuotes() {
            String gmail = """
                    Пересылаю ответ МФЦ.

                    ---------- Forwarded message ---------
                    From: МФЦ <info@mfc.example>
                    Date: Mon, Nov 23, 2026 at 10:15 AM
                    Subject: Отказ
                    To: <ivan@gmail.com>

                    Вам отказано.
                    > старая цитата""";
            String thunderbird = "Смотрите ниже.\n\n-------- Пересылаемое сообщение --------\nТема: \tОтказ\n"
                    + "Дата: \t23.11.2026 10:15\nОт: \tМФЦ <info@mfc.example>\n\nВам отказано.";
            assertThat(QuotedText.split(gmail)).isEqualTo(new QuotedText(gmail, ""));
            assertThat(QuotedText.split(thunderbird)).isEqualTo(new QuotedText(thunderbird, ""));
        }
    }

    @Nested
    @DisplayName("replies from common clients")
    class Clients {

        @Test
        void gmailEnglish() {
            assertSplit("On Mon, Nov 23, 2026 at 10:15 AM Support <support@gosuslugi.example> wrote:\n> Hello!\n>\n> Try again.");
        }

        @Test
        void gmailEnglishWithTheAttributionWrappedOverTwoLines() {
            assertSplit("On Mon, Nov 23, 2026 at 10:15 AM Служба поддержки Госуслуг <\nsupport@gosuslugi.example> wrote:\n"
                    + "> Здравствуйте!");
        }

        @Test
        void gmailRussian() {
            assertSplit("пн, 23 нояб. 2026 г. в 10:15, Иван Петров <ivan@gmail.com>:\n> Здравствуйте!\n> Ждём ответа.");
        }

        @Test
        void gmailAppRussianWithoutTheWordBeforeTheTime() {
            assertSplit("чт, 12 нояб. 2026 г., 10:15 Служба поддержки <support@localhost>:\n\n> Здравствуйте!\n>");
        }

        @Test
        void anyClientsDatedAttributionWithAnAddressRightAboveItsQuote() {
            assertSplit("12 ноября 2026 г., в 10:15, support@localhost:\n> Здравствуйте!");
            assertSplit("Thu, 12 Nov 2026 10:15:00 +0300 Служба поддержки <support@localhost>:\n> Здравствуйте!");
        }

        @Test
        void mailRuAttributionAboveAnUnmarkedEarlierMessage() {
            assertSplit("Четверг, 12 ноября 2026, 10:15 +03:00 от Служба поддержки <support@localhost>:\n\n"
                    + "Здравствуйте!\nВаше обращение зарегистрировано.");
        }

        @Test
        void yandexWithTheRecipientAndSubjectAboveTheAttribution() {
            assertSplit("----------------\nКому: Иван Петров (ivan@yandex.ru);\nТема: [№ 26-0004217-9] Обращение;\n"
                    + "12.11.2026, 10:15, \"Служба поддержки\" <support@localhost>:\n> Здравствуйте!");
        }

        @Test
        void thunderbirdRussian() {
            assertSplit("23.11.2026 10:15, Иван Петров пишет:\n> Здравствуйте!");
        }

        @Test
        void yandex() {
            assertSplit("23.11.2026, 10:15, \"Иван\" <ivan@yandex.ru>:\n\n> Здравствуйте!\n> > Ранее: вопрос.");
        }

        @Test
        void mailRu() {
            assertSplit("Понедельник, 23 ноября 2026, 10:15 +03:00 от Иван Петров <ivan@mail.ru>:\n> Здравствуйте!");
        }

        @Test
        void appleMailRussian() {
            assertSplit("23 нояб. 2026 г., в 10:15, Иван Петров <ivan@icloud.com> написал(а):\n>\n> Здравствуйте!");
        }

        @Test
        void outlookEnglishOriginalMessage() {
            assertSplit("-----Original Message-----\nFrom: Support <support@gosuslugi.example>\n"
                    + "Sent: Monday, November 23, 2026 10:15 AM\nTo: Ivan\nSubject: Ticket\n\nHello!");
        }

        @Test
        void outlookRussianOriginalMessageInBothSpellings() {
            assertSplit("-----Исходное сообщение-----\nОт: Служба поддержки\nТема: Обращение\n\nЗдравствуйте!");
            assertSplit("-------- Исходное сообщение --------\nОт: Служба поддержки\n\nЗдравствуйте!");
        }

        @Test
        void outlookHeaderBlockWithItsRule() {
            assertSplit("________________________________\nFrom: Support <support@gosuslugi.example>\n"
                    + "Sent: Monday, November 23, 2026 10:15 AM\nTo: Ivan Petrov <ivan@outlook.com>\n"
                    + "Subject: [№ 26-0004217-9] Ticket\n\nHello!");
        }

        @Test
        void outlookHeaderBlockInRussian() {
            assertSplit("От: Служба поддержки <support@gosuslugi.example>\nОтправлено: 23 ноября 2026 г. 10:15\n"
                    + "Кому: Иван Петров <ivan@outlook.com>\nКопия: mfc@example.ru\nТема: Обращение\n\nЗдравствуйте!");
        }

        @Test
        void aBareQuoteBlockWithoutAttribution() {
            assertSplit("> Здравствуйте!\n> > Вложенная цитата\n>\n> Конец");
        }

        private static void assertSplit(String quote) {
            String text = SIGNED + "\n\n" + quote + "\n\n\n";
            assertThat(QuotedText.split(text)).isEqualTo(new QuotedText(SIGNED, quote));
            assertThat(QuotedText.split(text.replace("\n", "\r\n"))).isEqualTo(new QuotedText(SIGNED, quote));
        }
    }

    @Nested
    @DisplayName("where the quote stands")
    class Placement {

        @Test
        void aMessageThatIsAllQuoteHasNothingFresh() {
            String text = "23.11.2026 10:15, Иван Петров пишет:\n> Здравствуйте!";
            assertThat(QuotedText.split(text + "\n")).isEqualTo(new QuotedText("", text));
        }

        @Test
        void aReplyBelowTheQuoteIsTheFreshText() {
            String text = "23.11.2026 10:15, Служба поддержки пишет:\n> Уточните номер заявления.\n>\n\nНомер 1234567.\n\n-- \nИван";
            assertThat(QuotedText.split(text)).isEqualTo(new QuotedText("Номер 1234567.\n\n-- \nИван",
                    "23.11.2026 10:15, Служба поддержки пишет:\n> Уточните номер заявления.\n>"));
        }

        @Test
        void theBatsGreetingAndReplyBelowItsInitialledQuoteAreTheFreshText() {
            String quote = "Вы писали 12 ноября 2026 г., 10:15:\n\nСП> Здравствуйте, Иван!\nСП> Обращение зарегистрировано.";
            String text = "Здравствуйте, Служба.\n\n" + quote + "\n\nСправку так и не получил.\n\n-- \nС уважением,\n Иван";
            assertThat(QuotedText.split(text)).isEqualTo(new QuotedText(
                    "Здравствуйте, Служба.\n\nСправку так и не получил.\n\n-- \nС уважением,\n Иван", quote));
        }

        @Test
        void aCapitalWordWithAnArrowInTheCitizensTextIsNoQuote() {
            String text = "Нажимаю ВХОД> и ничего не происходит.\nВХОД> ДАЛЕЕ> ошибка\nмр> пишет";
            assertThat(QuotedText.split(text).quoted()).isEqualTo("");
        }

        @Test
        void answersBetweenQuotedLinesAreKeptWhole() {
            String text = "On Mon, Nov 23, 2026 at 10:15 AM Support <s@x.ru> wrote:\n> Номер заявления?\n1234567\n> Дата?\n23.11";
            assertThat(QuotedText.split(text)).isEqualTo(new QuotedText(text, ""));
        }

        @Test
        void theFirstTrailingQuoteWinsOverAnEarlierStrayOne() {
            String text = "Попыток\n>5 за час.\nЧто делать?\n\nпн, 23 нояб. 2026 г. в 10:15, Поддержка <s@x.ru>:\n> Опишите";
            assertThat(QuotedText.split(text)).isEqualTo(new QuotedText("Попыток\n>5 за час.\nЧто делать?",
                    "пн, 23 нояб. 2026 г. в 10:15, Поддержка <s@x.ru>:\n> Опишите"));
        }

        @Test
        void aQuoteAboveAForwardStillSplitsTheReply() {
            String quote = "-----Original Message-----\nFrom: Support\n\n---------- Forwarded message ---------\nOld";
            assertThat(QuotedText.split("Спасибо.\n" + quote)).isEqualTo(new QuotedText("Спасибо.", quote));
        }
    }

    @Nested
    @DisplayName("HTML from common clients, through HtmlText")
    class FromHtml {

        @Test
        void gmailReply() {
            String html = """
                    <div dir="ltr"><div>Здравствуйте!</div><div><br></div><div>Код так и не пришёл, телефон +7 912 345-67-89.</div>\
                    <div><br></div><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature">\
                    Иван Петров</div></div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">\
                    пн, 23 нояб. 2026 г. в 10:15, Служба поддержки &lt;<a href="mailto:support@gosuslugi.example">\
                    support@gosuslugi.example</a>&gt;:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;\
                    border-left:1px solid rgb(204,204,204);padding-left:1ex"><div>Здравствуйте, Иван Петров!</div><div><br></div>\
                    <div>Обращение зарегистрировано под номером 26-0004217-9.</div></blockquote></div>""";
            assertThat(QuotedText.split(HtmlText.toText(html))).isEqualTo(new QuotedText(
                    "Здравствуйте!\n\nКод так и не пришёл, телефон +7 912 345-67-89.\n\n--\nИван Петров",
                    "пн, 23 нояб. 2026 г. в 10:15, Служба поддержки <support@gosuslugi.example>:\n"
                            + "> Здравствуйте, Иван Петров!\n>\n> Обращение зарегистрировано под номером 26-0004217-9."));
        }

        @Test
        void gmailForwardIsNotAQuote() {
            String html = """
                    <div dir="ltr">Пересылаю ответ МФЦ.<br><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">\
                    ---------- Forwarded message ---------<br>От: <strong class="gmail_sendername">МФЦ</strong> \
                    <span>&lt;<a href="mailto:info@mfc.example">info@mfc.example</a>&gt;</span><br>Date: пн, 23 нояб. 2026 г. \
                    в 10:15<br>Subject: Отказ<br>To: &lt;<a href="mailto:ivan@gmail.com">ivan@gmail.com</a>&gt;<br></div><br><br>\
                    <div dir="ltr">Вам отказано в приёме документов.</div></div></div>""";
            assertThat(QuotedText.split(HtmlText.toText(html))).isEqualTo(new QuotedText("""
                    Пересылаю ответ МФЦ.

                    ---------- Forwarded message ---------
                    От: МФЦ <info@mfc.example>
                    Date: пн, 23 нояб. 2026 г. в 10:15
                    Subject: Отказ
                    To: <ivan@gmail.com>

                    Вам отказано в приёме документов.""", ""));
        }

        @Test
        void outlookOnTheWebReply() {
            String html = """
                    <html><head><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head>
                    <body dir="ltr"><div class="elementToProof" style="font-family: Aptos; font-size: 12pt">Добрый день.</div>
                    <div class="elementToProof">&nbsp;</div><div class="elementToProof">Статус всё ещё «Ошибка».</div>
                    <div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">
                    <div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">
                    <b>От:</b> Служба поддержки &lt;support@gosuslugi.example&gt;<br><b>Отправлено:</b> 23 ноября 2026 г. 10:15<br>
                    <b>Кому:</b> Иван Петров &lt;ivan.petrov@outlook.com&gt;<br><b>Тема:</b> [№ 26-0004217-9] Обращение принято</font>
                    <div>&nbsp;</div></div><div><div>Здравствуйте, Иван Петров!<br><br>Обращение зарегистрировано.</div></div>
                    </body></html>""";
            assertThat(QuotedText.split(HtmlText.toText(html))).isEqualTo(new QuotedText(
                    "Добрый день.\n\nСтатус всё ещё «Ошибка».", """
                    > От: Служба поддержки <support@gosuslugi.example>
                    > Отправлено: 23 ноября 2026 г. 10:15
                    > Кому: Иван Петров <ivan.petrov@outlook.com>
                    > Тема: [№ 26-0004217-9] Обращение принято
                    >
                    > Здравствуйте, Иван Петров!
                    >
                    > Обращение зарегистрировано."""));
        }

        @Test
        void yandexReply() {
            String html = """
                    <div>Спасибо, но ссылка не открывается.</div><div>&nbsp;</div><div>--&nbsp;</div><div>С уважением,</div>
                    <div>Мария Иванова</div><div>&nbsp;</div><div>&nbsp;</div><div>23.11.2026, 10:15, "Служба поддержки" \
                    &lt;support@gosuslugi.example&gt;:</div><blockquote><div>Здравствуйте!</div><div>Откройте \
                    <a href="https://www.gosuslugi.example/status">страницу статуса</a>.</div></blockquote>""";
            assertThat(QuotedText.split(HtmlText.toText(html))).isEqualTo(new QuotedText(
                    "Спасибо, но ссылка не открывается.\n\n--\nС уважением,\nМария Иванова",
                    "23.11.2026, 10:15, \"Служба поддержки\" <support@gosuslugi.example>:\n> Здравствуйте!\n"
                            + "> Откройте страницу статуса (https://www.gosuslugi.example/status)."));
        }

        @Test
        void thunderbirdReply() {
            String html = """
                    <html><body><p>Номер заявления 1234567.</p><p><br></p><div class="moz-cite-prefix">23.11.2026 10:15, \
                    Служба поддержки пишет:<br></div><blockquote type="cite" cite="mid:ack@gosuslugi.example">\
                    <p>Уточните номер заявления.</p><div class="moz-signature">-- <br>Служба поддержки</div></blockquote>\
                    </body></html>""";
            assertThat(QuotedText.split(HtmlText.toText(html))).isEqualTo(new QuotedText("Номер заявления 1234567.",
                    "23.11.2026 10:15, Служба поддержки пишет:\n\n> Уточните номер заявления.\n>\n> --\n> Служба поддержки"));
        }

        @Test
        void mailRuReplyWithTheAttributionInsideTheQuote() {
            String html = """
                    <HTML><BODY><div>Добрый день! Прикладываю скриншот.</div><div>&nbsp;</div><div data-signature-widget="container">\
                    <div>--<br>Пётр Сидоров</div></div><div>&nbsp;</div><blockquote style="border-left:1px solid #0857A6; \
                    margin:10px; padding:0 0 0 10px;">Понедельник, 23 ноября 2026, 10:15 +03:00 от Служба поддержки \
                    &lt;<a href="mailto:support@gosuslugi.example">support@gosuslugi.example</a>&gt;:<br>&nbsp;<div id="">\
                    <div class="js-helper js-readmsg-msg"><div id="style_1_BODY">Уточните номер заявления.</div></div></div>\
                    </blockquote></BODY></HTML>""";
            assertThat(QuotedText.split(HtmlText.toText(html))).isEqualTo(new QuotedText(
                    "Добрый день! Прикладываю скриншот.\n\n--\nПётр Сидоров",
                    "> Понедельник, 23 ноября 2026, 10:15 +03:00 от Служба поддержки <support@gosuslugi.example>:\n"
                            + ">\n> Уточните номер заявления."));
        }
    }

    @Nested
    @DisplayName("hostile input")
    class Hostile {

        private static final Duration LIMIT = Duration.ofSeconds(30);

        @Test
        void aTenMegabyteLineIsReadInLinearTime() {
            String text = "On 1 wrote: написал(а) ".repeat(500_000) + "пишет:";
            assertThat(assertTimeoutPreemptively(LIMIT, () -> QuotedText.split(text))).isEqualTo(new QuotedText(text, ""));
        }

        @Test
        void linesCraftedToMakeTheMarkerPatternsBacktrackAreReadInLinearTime() {
            for (String line : new String[] {"On " + "1@".repeat(145) + ":", "1" + "2 ".repeat(140) + "написал:"}) {
                String text = (line + "\nтекст\n").repeat(30_000).strip();
                assertThat(assertTimeoutPreemptively(LIMIT, () -> QuotedText.split(text))).isEqualTo(new QuotedText(text, ""));
            }
        }

        @Test
        void halfAMillionStrayQuotesAndHeaderLookalikesAreReadInLinearTime() {
            String text = "> цитата\nOn 1 2\nFrom: a\nSent: b\nTo: c\n".repeat(500_000) + "конец";
            assertThat(assertTimeoutPreemptively(LIMIT, () -> QuotedText.split(text))).isEqualTo(new QuotedText(text, ""));
        }
    }

    @Test
    void aSignatureBelowTheQuoteIsNoAnswerWrittenThere() {
        QuotedText split = QuotedText.split("Не могу войти.\n\nOn 01.12.2026 10:00, support@localhost wrote:\n"
                + "> Ваше обращение принято.\n\n-- \nИван");
        assertThat(split.fresh()).isEqualTo("Не могу войти.");
        assertThat(split.quoted()).startsWith("On 01.12.2026").endsWith("Иван");
    }
}
