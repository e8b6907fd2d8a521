package org.supportintake.mail.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextDecodingTest {

    private static final String RUSSIAN = "Не могу записаться к врачу через портал, выдаёт ошибку.";

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "GBK; 您好，我无法在门户网站上预约医生，系统一直显示错误信息。请帮助我解决这个问题。",
            "Big5; 您好，我無法在入口網站上預約醫生，系統一直顯示錯誤訊息。請幫助我解決這個問題。",
            "Shift_JIS; こんにちは。ポータルで医師の予約ができません。エラーが表示され続けます。",
            "ISO-8859-1; Bonjour, je ne peux pas prendre rendez-vous chez le médecin. Merci, François Müller"})
    void readsUndeclaredNonCyrillicTextInItsOwnCharset(String charset, String text) {
        assertThat(TextDecoding.guess(text.getBytes(Charset.forName(charset)))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"windows-1251", "KOI8-R", "IBM866"})
    void keepsTheRussianReadingWhereTheBytesAreRussian(String charset) {
        assertThat(TextDecoding.guess(RUSSIAN.getBytes(Charset.forName(charset)))).isEqualTo(RUSSIAN);
    }

    /**
     * A subject a gateway cut at a byte count, or text cut at the reading limit, ends in half a character: the rest is
     * UTF-8 still, and read so, not as KOI8-R mojibake («п÷я─п╬п╠п╩п╣п╪п╟»).
     */
    @ParameterizedTest
    @CsvSource({"1", "2", "3"})
    void utf8CutInsideItsLastCharacterIsReadAsUtf8(int cut) {
        byte[] whole = ("Проблема с оплатой госпошлины \uD83D\uDE00").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(whole, whole.length - cut);
        assertThat(TextDecoding.guess(bytes)).isEqualTo("Проблема с оплатой госпошлины ");
        byte[] word = "Проблема".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(TextDecoding.decode(java.util.Arrays.copyOf(word, word.length - 1), "utf-8")).isEqualTo("Проблем");
    }

    @Test
    void readsShortRussianFileNamesInWindows1251() {
        assertThat(TextDecoding.guess("Справка о доходах.pdf".getBytes(Charset.forName("windows-1251"))))
                .isEqualTo("Справка о доходах.pdf");
    }

    @Test
    void decodesUtf7WhichJavaDoesNotShip() {
        assertThat(TextDecoding.decode("+BB8EQAQ4BDIENQRC-, world +- more".getBytes(), "UTF-7")).isEqualTo("Привет, world + more");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"gb2312; GBK; 朱镕基说：请帮助我", "cp932; windows-31j; ①番の窓口で予約できません",
            "ks_c_5601-1987; x-windows-949; 포털에서 예약할 수 없습니다", "win-1251; windows-1251; Не могу записаться"})
    void readsLabelsAsMailersMeanThem(String label, String sentIn, String text) {
        assertThat(TextDecoding.decode(text.getBytes(Charset.forName(sentIn)), label)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"GBK; 预约医生", "GBK; 门户网站错误.pdf", "Big5; 預約醫生", "Shift_JIS; 予約できません",
            "ISO-8859-1; Café", "ISO-8859-1; Grüße aus München", "windows-1251; Ёлкин", "KOI8-R; Справка.pdf",
            "IBM866; Запись к врачу"})
    void readsShortSubjectsAndFileNamesInTheirOwnCharset(String charset, String text) {
        assertThat(TextDecoding.guess(text.getBytes(Charset.forName(charset)))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"koi8-r; windows-1251", "windows-1251; KOI8-R", "koi8-r; IBM866",
            "windows-1251; IBM866", "IBM866; windows-1251"})
    void readsRussianWhoseDeclaredCyrillicCharsetIsWrong(String declared, String sentIn) {
        String text = "Здравствуйте! Не приходит код подтверждения на телефон, прошу помочь.";
        assertThat(TextDecoding.decode(text.getBytes(Charset.forName(sentIn)), declared)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"windows-1251; СРОЧНО!!! НЕ РАБОТАЕТ ЗАПИСЬ К ВРАЧУ",
            "KOI8-R; СРОЧНО!!! НЕ РАБОТАЕТ ЗАПИСЬ К ВРАЧУ", "windows-1251; ЗАЯВЛЕНИЕ.PDF", "KOI8-R; СКАН ПАСПОРТА.JPG",
            "windows-1251; Ёлкин", "KOI8-R; Справка.pdf", "IBM866; ПРОШУ ПОМОЧЬ", "windows-1251; " + RUSSIAN,
            "windows-1251; ООО«РОМАШКА»—ЗАЯВКА №5", "KOI8-R; ЗАО-РОМАШКА·ЗАЯВКА"})
    void keepsRussianInItsCorrectlyDeclaredCharsetCapitalsIncluded(String charset, String text) {
        assertThat(TextDecoding.decode(text.getBytes(Charset.forName(charset)), charset)).isEqualTo(text);
    }
}
