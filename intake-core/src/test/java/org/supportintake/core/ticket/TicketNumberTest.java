package org.supportintake.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TicketNumberTest {

    private static final TicketNumber EXAMPLE = TicketNumber.of(26, 4217);

    @Nested
    class Format {

        @Test
        void isYearSerialOfSevenDigitsAndCheckDigit() {
            assertThat(EXAMPLE.toString()).matches("26-0004217-\\d");
            assertThat(EXAMPLE.checkDigit()).isEqualTo(DammCheckDigit.of("260004217"));
        }

        @Test
        void serialWidensPastSevenDigitsInsteadOfWrapping() {
            TicketNumber wide = TicketNumber.of(27, 10_000_000L);
            assertThat(wide.toString()).startsWith("27-10000000-");
            assertThat(TicketNumber.parse(wide.toString())).contains(wide);
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 9, 10, 4217, 999_999, 1_000_000, 9_999_999, 10_000_000, 123_456_789_012L})
        void isZeroPaddedYearAndSerialWithTheDammDigitOfBoth(long serial) {
            for (int year : new int[] {0, 7, 26, 99}) {
                TicketNumber number = TicketNumber.of(year, serial);
                String digits = String.format("%02d%07d", year, serial);
                assertThat(number.toString()).isEqualTo(String.format("%02d-%07d-%d", year, serial,
                        DammCheckDigit.of(digits)));
            }
        }

        @Test
        void outgoingSubjectTagCarriesTheNumber() {
            assertThat(EXAMPLE.subjectTag()).isEqualTo("[№ " + EXAMPLE + "]");
        }
    }

    @Nested
    class Parsing {

        @ParameterizedTest
        @ValueSource(strings = {"%s", "№ %s", "№%s", "#%s", "No %s", "No. %s", " %s "})
        void acceptsTolerantForms(String form) {
            assertThat(TicketNumber.parse(form.formatted(EXAMPLE))).contains(EXAMPLE);
        }

        @Test
        void acceptsDigitsWithoutDashesOrWithSpaces() {
            String digits = EXAMPLE.toString().replace("-", "");
            assertThat(TicketNumber.parse(digits)).contains(EXAMPLE);
            assertThat(TicketNumber.parse(EXAMPLE.toString().replace("-", " "))).contains(EXAMPLE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u2010", "\u2011", "\u2013", "\u2014", "\u2212", "\uFF0D", "\u00A0", "\u202F", " - ",
                "\u00A0\u2013\u00A0"})
        void acceptsTheDashesAndSpacesWordProcessorsAndPhonesPutInPlaceOfAHyphen(String separator) {
            assertThat(TicketNumber.parse(EXAMPLE.toString().replace("-", separator))).contains(EXAMPLE);
        }

        @Test
        void rejectsWrongCheckDigit() {
            String number = EXAMPLE.toString();
            int wrong = (EXAMPLE.checkDigit() + 1) % 10;
            assertThat(TicketNumber.parse(number.substring(0, number.length() - 1) + wrong)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "26-000421-7", "abc", "26-00042170-", "2026-0004217-9", "26-0000000-0"})
        void rejectsMalformedText(String text) {
            assertThat(TicketNumber.parse(text)).isEmpty();
        }
    }

    @Nested
    class CheckDigit {

        @Test
        void catchesEverySingleDigitError() {
            List<String> undetected = new ArrayList<>();
            for (long serial = 1; serial <= 3000; serial += 7) {
                char[] digits = digitsOf(TicketNumber.of(26, serial));
                for (int position = 0; position < digits.length; position++) {
                    for (char replacement = '0'; replacement <= '9'; replacement++) {
                        if (replacement == digits[position]) {
                            continue;
                        }
                        char[] typo = digits.clone();
                        typo[position] = replacement;
                        if (TicketNumber.parse(new String(typo)).isPresent()) {
                            undetected.add(new String(typo));
                        }
                    }
                }
            }
            assertThat(undetected).isEmpty();
        }

        @Test
        void catchesEveryAdjacentTransposition() {
            List<String> undetected = new ArrayList<>();
            for (int year = 25; year <= 27; year++) {
                for (long serial = 1; serial <= 5000; serial += 3) {
                    char[] digits = digitsOf(TicketNumber.of(year, serial));
                    for (int i = 0; i + 1 < digits.length; i++) {
                        if (digits[i] == digits[i + 1]) {
                            continue;
                        }
                        char[] swapped = digits.clone();
                        swapped[i] = digits[i + 1];
                        swapped[i + 1] = digits[i];
                        if (TicketNumber.parse(new String(swapped)).isPresent()) {
                            undetected.add(new String(swapped));
                        }
                    }
                }
            }
            assertThat(undetected).isEmpty();
        }

        private char[] digitsOf(TicketNumber number) {
            return number.toString().replace("-", "").toCharArray();
        }
    }

    @Nested
    class InSubjects {

        @ParameterizedTest
        @ValueSource(strings = {"Re: [№ %s] Ваше обращение принято", "Fwd: #%s", "Ответ: No %s вопрос",
                "RE: RE: по обращению %s", "Повторный запрос №%s"})
        void findsTheNumberAfterReplyPrefixes(String subject) {
            assertThat(TicketNumber.findIn(subject.formatted(EXAMPLE))).contains(EXAMPLE);
        }

        @Test
        void findsUndashedNumberOnlyWhenTagged() {
            String digits = EXAMPLE.toString().replace("-", "");
            assertThat(TicketNumber.findIn("Re: № " + digits)).contains(EXAMPLE);
            assertThat(TicketNumber.findIn("мой телефон " + digits)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Nº %s", "N° %s", "Заявка#%s", "обращение №\u00a0%s", "Re: %s", "по обращению %s"})
        void findsTheNumberAsRussianKeyboardsAndWordProcessorsWriteIt(String subject) {
            String number = EXAMPLE.toString();
            assertThat(TicketNumber.findIn(subject.formatted(number.replace('-', '–')))).as(subject).contains(EXAMPLE);
            assertThat(TicketNumber.findIn(subject.formatted(number.replace('-', ' ')))).as(subject).contains(EXAMPLE);
            assertThat(TicketNumber.findIn(subject.formatted(number.replace('-', '\u00a0')))).as(subject).contains(EXAMPLE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Nº %s", "N° %s", "Заявка#%s", "обращение №\u00a0%s"})
        void findsUndashedDigitsAfterTheSignsThatStandForNumero(String subject) {
            String digits = EXAMPLE.toString().replace("-", "");
            assertThat(TicketNumber.findIn(subject.formatted(digits))).as(subject).contains(EXAMPLE);
            assertThat(TicketNumber.parse(subject.formatted(digits).replaceAll("^\\D*(N|№|#)", "$1"))).as(subject)
                    .contains(EXAMPLE);
        }

        @Test
        void readsNoUngroupedOrOddlyGroupedDigitsWithoutASign() {
            String digits = EXAMPLE.toString().replace("-", "");
            assertThat(TicketNumber.findIn("номер заявления " + digits)).isEmpty();
            assertThat(TicketNumber.findIn("тел. 8 912 345 67 89, " + digits.substring(0, 2) + " "
                    + digits.substring(2, 6) + " " + digits.substring(6))).isEmpty();
            assertThat(TicketNumber.findIn("Reno " + digits)).isEmpty();
        }

        @Test
        void ignoresANumberWithAWrongCheckDigit() {
            String number = EXAMPLE.toString();
            String wrong = number.substring(0, number.length() - 1) + (EXAMPLE.checkDigit() + 1) % 10;
            assertThat(TicketNumber.findIn("Re: [№ " + wrong + "]")).isEmpty();
        }
    }
}
