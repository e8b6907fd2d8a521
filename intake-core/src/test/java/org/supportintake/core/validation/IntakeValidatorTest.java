package org.supportintake.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.supportintake.core.testing.Submissions.email;
import static org.supportintake.core.testing.Submissions.file;
import static org.supportintake.core.testing.Submissions.form;
import static org.supportintake.core.testing.Submissions.png;

import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportintake.attachments.inspection.MediaTypes;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.attachments.policy.AttachmentVerdict;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Phone;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.ticket.TicketNumber;

class IntakeValidatorTest {

    private static final IntakeValidator validator = new IntakeValidator(AttachmentPolicy.form());

    private List<Violation> formWith(UnaryOperator<Submission.Builder> spoil) {
        return validator.validate(spoil.apply(form()).build());
    }

    private List<String> codesOf(UnaryOperator<Submission.Builder> spoil) {
        return formWith(spoil).stream().map(Violation::code).toList();
    }

    @Test
    void validFormPasses() {
        assertThat(validator.validate(form().build())).isEmpty();
    }

    @Test
    void validEmailPasses() {
        assertThat(validator.validate(email().build())).isEmpty();
    }

    @Test
    void emptyFormReportsEveryRequiredFieldInFormOrderWithRussianMessages() {
        var empty = Submission.builder(Channel.FORM, "t", form().build().receivedAt())
                .build();
        assertThat(validator.validate(empty)).extracting(Violation::field, Violation::code).containsExactly(
                tuple("fullName", "fullName.missing"),
                tuple("email", "email.missing"),
                tuple("phone", "phone.missing"),
                tuple("category", "category.missing"),
                tuple("subject", "subject.missing"),
                tuple("description", "description.missing"),
                tuple("consent", "consent.missing"));
        assertThat(validator.validate(empty).get(0).message()).isEqualTo("Укажите фамилию, имя и отчество.");
    }

    /** No-break, figure, narrow and ideographic spaces, the blank Braille pattern, a Hangul filler: nothing to read. */
    @ParameterizedTest
    @ValueSource(strings = {"\u00A0\u00A0", "\u2007", "\u202F\u202F", "\u3000", "\u2800\u2800\u2800", "\u3164",
            "\u00A0\u00AD\u00A0"})
    void aRequiredFieldOfOnlySpacesOrBlankLettersIsMissingAndNothingElse(String blank) {
        var spoilt = Submission.builder(Channel.FORM, "t", form().build().receivedAt())
                .sender(blank, blank, blank).category("complaint").subject(blank).text(blank.repeat(30))
                .consent(form().build().consent().orElseThrow()).build();

        assertThat(validator.validate(spoilt)).extracting(Violation::code).containsExactly("fullName.missing",
                "email.missing", "phone.missing", "subject.missing", "description.missing");
    }

    @Nested
    @DisplayName("fullName: required, 2–150 characters, one line of letters")
    class FullName {
        @Test
        void isRequired() {
            assertThat(codesOf(b -> b.sender("a@example.ru", "  ", "+79123456789"))).containsExactly("fullName.missing");
        }

        @Test
        void mustHaveTwoCharacters() {
            assertThat(codesOf(b -> b.sender("a@example.ru", "Я", "+79123456789"))).containsExactly("fullName.too_short");
            assertThat(codesOf(b -> b.sender("a@example.ru", "Ян", "+79123456789"))).isEmpty();
        }

        @Test
        void theMinimumCountsVisibleCharactersAsTheDescriptionsDoes() {
            assertThat(codesOf(b -> b.sender("a@example.ru", "Я\u00AD", "+79123456789"))).contains("fullName.too_short");
            assertThat(codesOf(b -> b.sender("a@example.ru", "Я .", "+79123456789"))).isEmpty();
        }

        @Test
        void mayNotExceed150Characters() {
            assertThat(codesOf(b -> b.sender("a@example.ru", "Щ".repeat(150), "+79123456789"))).isEmpty();
            assertThat(codesOf(b -> b.sender("a@example.ru", "Щ".repeat(151), "+79123456789")))
                    .containsExactly("fullName.too_long");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Иван https://evil.example", "Иван evil.com", "Иван почта.рф",
                "Иван 2", "<b>Иван</b>", "Иван@Иванов", "Ιωάννης"})
        void isOneLineOfLettersSpacesHyphensApostrophesAndDots(String name) {
            assertThat(formWith(b -> b.sender("a@example.ru", name, "+79123456789")))
                    .extracting(Violation::code, Violation::message)
                    .containsExactly(tuple("fullName.invalid_characters", "Фамилия, имя и отчество — в одну строку: "
                            + "только русские или латинские буквы, пробелы, дефис, апостроф и точка "
                            + "(без цифр, ссылок и других знаков)."));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Анна-Мария О'Нил", "Иванов И. И.", "Иванов И.И.", "Jean-Luc Picard", "Пётр Ёлкин",
                "Пе\u0308тр Ёлкин", "Д’Артаньян", "François Müller"})
        void acceptsRealNames(String name) {
            assertThat(codesOf(b -> b.sender("a@example.ru", name, "+79123456789"))).isEmpty();
        }

        @Test
        void anEmailSenderNameIsNotJudged() {
            var mail = email().sender("a@example.ru", "Иван https://evil.example/подтвердите", "").build();
            assertThat(validator.validate(mail)).isEmpty();
        }
    }

    @Nested
    @DisplayName("email: required, valid, at most 254 characters")
    class Email {
        @ParameterizedTest
        @ValueSource(strings = {"ivanov", "ivanov@", "@mail.ru", "ivanov@mail", "iva nov@mail.ru", "a@@mail.ru",
                "ivanov..p@mail.ru", "ivanov@mail.ru."})
        void rejectsMalformedAddresses(String address) {
            assertThat(codesOf(b -> b.sender(address, "Иван Иванов", "+79123456789"))).containsExactly("email.invalid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ivanov@mail.ru", "i.ivanov+support@gov.example.com", "иван@почта.рф"})
        void acceptsRealAddresses(String address) {
            assertThat(codesOf(b -> b.sender(address, "Иван Иванов", "+79123456789"))).isEmpty();
        }

        @Test
        void mayNotExceed254Characters() {
            String local = "a".repeat(64);
            String domain = ("b".repeat(60) + ".").repeat(3) + "c".repeat(6) + ".ru";
            String tooLong = local + "@" + domain;
            assertThat(tooLong.length()).isGreaterThan(254);
            assertThat(codesOf(b -> b.sender(tooLong, "Иван Иванов", "+79123456789"))).containsExactly("email.too_long");
        }

        @Test
        void isRequiredOnEmailToo() {
            var mail = email().sender("", "", "").build();
            assertThat(validator.validate(mail)).extracting(Violation::code).containsExactly("email.missing");
        }
    }

    @Nested
    @DisplayName("phone: required, Russian or international")
    class PhoneRule {
        @ParameterizedTest
        @ValueSource(strings = {"12345", "+7 912 345", "телефон", "8 (000) 000-00-00"})
        void rejectsWhatIsNotANumber(String phone) {
            assertThat(codesOf(b -> b.sender("a@example.ru", "Иван Иванов", phone))).containsExactly("phone.invalid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"+7 912 345-67-89", "8 (912) 345-67-89", "89123456789", "+375 29 123-45-67"})
        void acceptsRussianAndInternationalNumbers(String phone) {
            assertThat(codesOf(b -> b.sender("a@example.ru", "Иван Иванов", phone))).isEmpty();
        }

        /** libphonenumber reads letters as keypad digits (ABC is 222): a typo would become someone else's number. */
        @ParameterizedTest
        @ValueSource(strings = {"+7 912 ABC-67-89", "8 912 345-67-8O", "+7 912 ABC-67-89 доб. 123", "+7 912 345-67-89 доб. 1O",
                "tel:+7-912-345-67-89", "+7 912 ЯБЛ-67-89", "+7 912 345-67-89 (мобильный)"})
        void refusesLettersRatherThanReadingThemAsKeypadDigits(String phone) {
            assertThat(codesOf(b -> b.sender("a@example.ru", "Иван Иванов", phone))).containsExactly("phone.invalid");
            assertThat(Phone.toE164(phone)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"+7 (912) 345 67 89", "8-912-345-67-89", "+\uFF17 \uFF19\uFF11\uFF12 \uFF13\uFF14\uFF15-\uFF16\uFF17-\uFF18\uFF19",
                "\u0668\u0669\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"})
        void acceptsSpacesDashesParenthesesAndOtherScriptsDigits(String phone) {
            assertThat(codesOf(b -> b.sender("a@example.ru", "Иван Иванов", phone))).isEmpty();
            assertThat(Phone.toE164(phone)).contains("+79123456789");
        }

        /** An office number's extension is the one place letters belong; E.164 keeps the number without it. */
        @ParameterizedTest
        @ValueSource(strings = {"+7 912 345-67-89 доб. 123", "+7 912 345-67-89, добавочный 45", "8 (912) 345-67-89 ext. 12",
                "+7 912 345 67 89 x7", "+7 912 345-67-89 #12", "+7 912 345-67-89 ДОБ 3"})
        void acceptsAnOfficeNumbersExtension(String phone) {
            assertThat(codesOf(b -> b.sender("a@example.ru", "Иван Иванов", phone))).isEmpty();
            assertThat(Phone.toE164(phone)).contains("+79123456789");
        }

        @Test
        void isRequired() {
            assertThat(codesOf(b -> b.sender("a@example.ru", "Иван Иванов", ""))).containsExactly("phone.missing");
        }

        @Test
        void isStoredAsE164() {
            assertThat(Phone.toE164("8 (912) 345-67-89")).contains("+79123456789");
        }
    }

    @Nested
    @DisplayName("category: required, one of six codes")
    class CategoryRule {
        @Test
        void isRequired() {
            assertThat(codesOf(b -> b.category(""))).containsExactly("category.missing");
        }

        @ParameterizedTest
        @ValueSource(strings = {"other", "TECHNICAL_PROBLEM", "Жалоба"})
        void mustBeAKnownCode(String code) {
            assertThat(codesOf(b -> b.category(code))).containsExactly("category.unknown");
        }

        @ParameterizedTest
        @ValueSource(strings = {"technical_problem", "functionality_question", "service_error", "complaint",
                "suggestion", "information_request"})
        void acceptsEveryKnownCode(String code) {
            assertThat(codesOf(b -> b.category(code))).isEmpty();
        }
    }

    @Nested
    @DisplayName("subject: required, at most 200 characters")
    class Subject {
        @Test
        void isRequired() {
            assertThat(codesOf(b -> b.subject(" "))).containsExactly("subject.missing");
        }

        @Test
        void mayNotExceed200Characters() {
            assertThat(codesOf(b -> b.subject("ж".repeat(200)))).isEmpty();
            assertThat(formWith(b -> b.subject("ж".repeat(201)))).containsExactly(new Violation("subject",
                    "subject.too_long", "Краткое описание — не длиннее 200 символов."));
        }

        @Test
        void isFreeOnEmail() {
            assertThat(validator.validate(email().subject("ж".repeat(500)).build())).isEmpty();
        }
    }

    @Nested
    @DisplayName("description: required, 20–2000 characters")
    class Description {
        @Test
        void isRequired() {
            assertThat(codesOf(b -> b.text(""))).containsExactly("description.missing");
        }

        @Test
        void mustHaveTwentyCharacters() {
            assertThat(codesOf(b -> b.text("ы".repeat(19)))).containsExactly("description.too_short");
            assertThat(codesOf(b -> b.text("ы".repeat(20)))).isEmpty();
        }

        /** Invisible characters are not what a reader can read: 25 zero-width spaces are not a description. */
        @ParameterizedTest
        @ValueSource(strings = {"\u200B", "\u200D", "\u2060", "\uFEFF", "\u00AD"})
        void theMinimumDoesNotCountInvisibleCharacters(String filler) {
            assertThat(codesOf(b -> b.text("ы" + filler.repeat(25)))).containsExactly("description.too_short");
            assertThat(codesOf(b -> b.text("ы".repeat(10) + filler.repeat(25) + "ы".repeat(9))))
                    .containsExactly("description.too_short");
            assertThat(codesOf(b -> b.text("ыыыыы" + filler.repeat(5) + "ыыыыыыыыыыыыыыы"))).isEmpty();
        }

        /** DESIGN.md: 20 characters; the spaces between words are characters. */
        @Test
        void aSentenceOfExactlyTwentyCharactersWithItsSpacesPasses() {
            assertThat("Не работает сайт МФЦ").hasSize(20);
            assertThat(codesOf(b -> b.text("Не работает сайт МФЦ"))).isEmpty();
            assertThat(codesOf(b -> b.text("Не работает сайт МФ"))).containsExactly("description.too_short");
        }

        @Test
        void mayNotExceed2000Characters() {
            assertThat(codesOf(b -> b.text("ы".repeat(2000)))).isEmpty();
            assertThat(codesOf(b -> b.text("ы".repeat(2001)))).containsExactly("description.too_long");
        }

        @Test
        void emailNeedsTextOrAnAcceptedFile() {
            assertThat(validator.validate(email().text("  ").build())).extracting(Violation::field, Violation::code)
                    .containsExactly(tuple("description", "description.no_content"));
            assertThat(validator.validate(email().text("").attachment(png("scan.png", 100)).build())).isEmpty();
            var onlyRejected = email().text("").attachment(file("virus.exe", "application/x-msdownload", 100,
                    AttachmentVerdict.rejected(RejectionReason.TYPE_NOT_ALLOWED))).build();
            assertThat(validator.validate(onlyRejected)).extracting(Violation::code).containsExactly("description.no_content");
        }

        @Test
        void emailTextOfOnlyInvisibleCharactersIsNoText() {
            String invisible = "\u00A0\u200B\u2060\uFEFF\r\n\u3000\u2800\u00AD";
            assertThat(validator.validate(email().text(invisible).build())).extracting(Violation::code)
                    .containsExactly("description.no_content");
            assertThat(validator.validate(email().text(invisible).attachment(png("scan.png", 100)).build())).isEmpty();
        }

        @Test
        void emailTextIsKeptWholeWhateverItsLength() {
            assertThat(validator.validate(email().text("ы".repeat(50_000)).build())).isEmpty();
        }
    }

    @Nested
    @DisplayName("previousTicket: optional, well-formed with a valid check digit")
    class PreviousTicket {
        @Test
        void isOptional() {
            assertThat(codesOf(b -> b.previousTicket(""))).isEmpty();
        }

        @Test
        void acceptsAValidNumber() {
            assertThat(codesOf(b -> b.previousTicket(TicketNumber.of(26, 4217).toString()))).isEmpty();
        }

        @Test
        void rejectsAWrongCheckDigit() {
            TicketNumber number = TicketNumber.of(26, 4217);
            String typo = number.toString().substring(0, 11) + (number.checkDigit() + 1) % 10;
            assertThat(codesOf(b -> b.previousTicket(typo))).containsExactly("previousTicket.invalid");
        }

        @Test
        void rejectsMalformedText() {
            assertThat(codesOf(b -> b.previousTicket("вчерашнее"))).containsExactly("previousTicket.invalid");
        }
    }

    @Nested
    @DisplayName("callbackTime: optional, one of the intervals")
    class CallbackTimeRule {
        @Test
        void isOptionalAndKnown() {
            assertThat(codesOf(b -> b.callbackTime(""))).isEmpty();
            assertThat(codesOf(b -> b.callbackTime("morning"))).isEmpty();
            assertThat(codesOf(b -> b.callbackTime("midnight"))).containsExactly("callbackTime.unknown");
        }
    }

    @Nested
    @DisplayName("consent: required on the form")
    class ConsentRule {
        @Test
        void isRequired() {
            assertThat(codesOf(b -> b.consent(null))).containsExactly("consent.missing");
        }
    }

    @Nested
    @DisplayName("attachments: at most 5, each accepted by the form policy")
    class Attachments {
        @Test
        void acceptsFiveAcceptedFiles() {
            assertThat(codesOf(b -> {
                for (int i = 1; i <= 5; i++) {
                    b.attachment(png("screen" + i + ".png", 1000));
                }
                return b;
            })).isEmpty();
        }

        @Test
        void rejectsASixthFile() {
            assertThat(formWith(b -> {
                for (int i = 1; i <= 6; i++) {
                    b.attachment(png("screen" + i + ".png", 1000));
                }
                return b;
            })).containsExactly(new Violation("attachments", "attachments.too_many", "Можно приложить не больше 5 файлов."));
        }

        @Test
        void namesEachRejectedFile() {
            var violations = formWith(b -> b
                    .attachment(file("report.pdf", "application/x-msdownload", 100,
                            AttachmentVerdict.rejected(RejectionReason.TYPE_NOT_ALLOWED)))
                    .attachment(file("scan.png", MediaTypes.PNG, 6_000_000,
                            AttachmentVerdict.rejected(RejectionReason.TOO_LARGE))));
            assertThat(violations).extracting(Violation::code)
                    .containsExactly("attachments.too_large", "attachments.type_not_allowed");
            assertThat(violations).extracting(Violation::message).containsExactly(
                    "Файл «scan.png» больше 5 МБ.",
                    "Файл «report.pdf» — такой тип файлов не принимается. Можно приложить PDF, JPEG, PNG или DOCX.");
        }

        @Test
        void rejectsAnEmptyFile() {
            assertThat(formWith(b -> b.attachment(file("blank.pdf", MediaTypes.PDF, 0,
                    AttachmentVerdict.rejected(RejectionReason.EMPTY))))).containsExactly(
                    new Violation("attachments", "attachments.empty", "Файл «blank.pdf» пустой."));
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.EnumSource(value = RejectionReason.class, names = "TOO_MANY_FILES",
                mode = org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE)
        void everyRejectionReasonHasARussianSentenceNamingTheFile(RejectionReason reason) {
            var violations = formWith(b -> b.attachment(file("файл.pdf", MediaTypes.PDF, 10,
                    AttachmentVerdict.rejected(reason))));
            assertThat(violations).singleElement().satisfies(violation -> {
                assertThat(violation.code()).isEqualTo("attachments." + reason.code());
                assertThat(violation.message()).contains("«файл.pdf»").doesNotContain("{").matches(".*[а-я].*");
            });
        }

        @Test
        void emailKeepsGoingWithoutTheRejectedFile() {
            var mail = email().attachment(file("virus.exe", "application/x-msdownload", 100,
                    AttachmentVerdict.rejected(RejectionReason.TYPE_NOT_ALLOWED))).build();
            assertThat(validator.validate(mail)).isEmpty();
        }
    }

    @Nested
    @DisplayName("text fields: no control or bidi characters; line breaks only in the description")
    class ControlCharacterRule {
        private final String valid = "Тест";

        private UnaryOperator<Submission.Builder> withInField(String field, String bad) {
            return switch (field) {
                case "fullName" -> b -> b.sender("a@example.ru", "Иван" + bad + "Иванов", "+79123456789");
                case "email" -> b -> b.sender("a" + bad + "@example.ru", "Иван Иванов", "+79123456789");
                case "phone" -> b -> b.sender("a@example.ru", "Иван Иванов", "+7912" + bad + "3456789");
                case "category" -> b -> b.category("complaint" + bad);
                case "subject" -> b -> b.subject("Не работает" + bad + "вход");
                case "previousTicket" -> b -> b.previousTicket("26-0004217-9" + bad);
                case "callbackTime" -> b -> b.callbackTime("morning" + bad);
                default -> b -> b.text("Не могу войти в личный кабинет" + bad + "уже третий день.");
            };
        }

        @ParameterizedTest
        @ValueSource(strings = {"fullName", "email", "phone", "category", "subject", "previousTicket", "callbackTime",
                "description"})
        void nulInAnyTextFieldIsAViolationOfThatFieldWithARussianMessage(String field) {
            assertThat(formWith(withInField(field, "\u0000")))
                    .filteredOn(violation -> violation.code().endsWith(".control_characters"))
                    .singleElement().satisfies(violation -> {
                        assertThat(violation.field()).isEqualTo(field);
                        assertThat(violation.code()).isEqualTo(field + ".control_characters");
                        assertThat(violation.message()).contains("управляющ").doesNotContain("{");
                    });
        }

        @ParameterizedTest
        @ValueSource(strings = {"fullName", "email", "phone", "category", "subject", "previousTicket", "callbackTime"})
        void aLineBreakInAOneLineFieldIsAControlCharacter(String field) {
            assertThat(codesOf(withInField(field, "\n"))).contains(field + ".control_characters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u202A", "\u202E", "\u2066",
                "\u2069"})
        void theDescriptionRefusesControlAndBidiCharacters(String bad) {
            assertThat(codesOf(withInField("description", bad))).containsExactly("description.control_characters");
        }

        /** Every Bidi_Control character of Unicode, the marks (LRM, RLM, ALM) as well as the overrides and isolates. */
        @ParameterizedTest
        @ValueSource(strings = {"\u061C", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
                "\u2066", "\u2067", "\u2068", "\u2069"})
        void everyBidiControlIsRefusedInTheSubjectAndTheDescription(String bad) {
            assertThat(codesOf(withInField("subject", bad))).containsExactly("subject.control_characters");
            assertThat(codesOf(withInField("description", bad))).containsExactly("description.control_characters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"fullName", "email", "phone", "category", "subject", "previousTicket", "callbackTime"})
        void theUnicodeLineAndParagraphSeparatorsAreLineBreaksInAOneLineField(String field) {
            assertThat(codesOf(withInField(field, "\u2028"))).contains(field + ".control_characters");
            assertThat(codesOf(withInField(field, "\u2029"))).contains(field + ".control_characters");
        }

        /** The one-line fields' message promises «без … невидимых символов»: zero-width characters are invisible. */
        @ParameterizedTest
        @ValueSource(strings = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"})
        void zeroWidthCharactersAreRefusedInAOneLineField(String bad) {
            assertThat(codesOf(withInField("subject", bad))).containsExactly("subject.control_characters");
            assertThat(codesOf(withInField("fullName", bad))).containsExactly("fullName.control_characters");
        }

        /** Tag characters draw nothing: «Оплата» and a hidden «ignore all previous» looks like «Оплата» alone. */
        @Test
        void tagCharactersThatSpellHiddenWordsAreRefusedButAFlagsTagSequenceIsNot() {
            String hidden = "Оплата " + "ignore all previous".codePoints().map(c -> 0xE0000 + c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
            assertThat(codesOf(b -> b.subject(hidden))).containsExactly("subject.control_characters");
            assertThat(codesOf(withInField("description", hidden))).containsExactly("description.control_characters");
            String scotland = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
            assertThat(codesOf(b -> b.subject("Визит из Шотландии " + scotland))).isEmpty();
        }

        @Test
        void theDescriptionMayHoldEmojiJoinedByZeroWidthJoinersAndParagraphSeparators() {
            String emoji = " \uD83D\uDC68\u200D\uD83D\uDCBB \uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDD27 "
                    + "\u2764\uFE0F\u200D\uD83D\uDD25 ";
            assertThat(codesOf(withInField("description", emoji))).isEmpty();
            assertThat(codesOf(withInField("description", "\u2028\u2029"))).isEmpty();
        }

        @Test
        void aSubjectMayHoldAnEmojiSequenceButNotAJoinerBetweenLetters() {
            assertThat(codesOf(b -> b.subject("Не работает \uD83D\uDC68\u200D\uD83D\uDCBB"))).isEmpty();
            assertThat(codesOf(b -> b.subject("Не раб\u200Dотает"))).containsExactly("subject.control_characters");
        }

        @Test
        void russianTextWithYoHyphensQuotesAndDashesPasses() {
            assertThat(codesOf(b -> b.subject("Ошибка «Сервис недоступен» — ещё раз, в 12:00 (№ 5)"))).isEmpty();
            assertThat(codesOf(b -> b.sender("a@example.ru", "Салтыков-Щедрин Михаил Евграфович", "+79123456789")))
                    .isEmpty();
            assertThat(codesOf(b -> b.sender("a@example.ru", "Д’Артаньян О'Нил", "+79123456789"))).isEmpty();
        }

        @Test
        void theDescriptionMayBreakLinesAndIndent() {
            assertThat(codesOf(withInField("description", "\r\n\n\t"))).isEmpty();
        }

        @Test
        void aLineBreakInTheNameIsReportedOnceAsAControlCharacter() {
            assertThat(codesOf(withInField("fullName", "\n"))).containsExactly("fullName.control_characters");
        }

        @Test
        void emailIsNotRefusedForControlCharactersItsPathStripsThem() {
            var mail = email().sender("a@example.ru", "Иван\nhttps://evil.example", "")
                    .subject("Тема\u0000").text("Текст\u0000 письма\u202E, достаточно длинный").build();
            assertThat(validator.validate(mail)).isEmpty();
        }

        @Test
        void plainTextPasses() {
            assertThat(codesOf(withInField("subject", valid))).isEmpty();
        }
    }
}
