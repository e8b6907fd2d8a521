package org.supportintake.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.core.intake.RejectedAttachment;
import org.supportintake.core.ticket.TicketNumber;

class AcknowledgementTextTest {

    private final AcknowledgementText text = new AcknowledgementText("https://support.example.ru/");
    private final TicketNumber number = TicketNumber.of(26, 4217);

    @Test
    void subjectCarriesTheTaggedNumber() {
        assertThat(text.subject(number, false)).isEqualTo("[№ " + number + "] Ваше обращение принято");
    }

    @Test
    void bodyNamesTheNumberAndTheDueDateInMoscowTime() {
        String body = text.body("Иванова Мария", number, "", Instant.parse("2026-11-24T15:00:00Z"), false, List.of()).text();
        assertThat(body).startsWith("Здравствуйте, Иванова Мария!")
                .contains("под номером " + number)
                .contains("не позднее 24 ноября 2026 г., 18:00 (мск)")
                .contains("https://support.example.ru/status")
                .doesNotContain("Не приняты");
    }

    @Test
    void aNewTicketsAcknowledgementNamesTheCategoryWhatHappensNextAndThePersonalDataNotice() {
        MailBody body = text.body("Иванова Мария", number, "Техническая проблема", Instant.parse("2026-12-03T11:17:00Z"),
                false, List.of());
        assertThat(body.text()).contains("Ваше обращение зарегистрировано под номером " + number + ".\n",
                "Тема: Техническая проблема.\n", "не позднее 3 декабря 2026 г., 14:17 (мск).\n", "\nЧто дальше: ",
                "не меняя тему", "152-ФЗ «О персональных данных»").doesNotContain("\n\n\n");
        assertThat(body.html()).contains("<html lang=\"ru\">", "Тема: Техническая проблема.",
                "<strong>3 декабря 2026 г., 14:17 (мск)</strong>", "152-ФЗ");
    }

    @Test
    void anEmailsAcknowledgementHasNoCategoryLineSinceAnEmailHasNoCategory() {
        MailBody body = text.body("Иванова Мария", number, "", Instant.parse("2026-12-03T11:17:00Z"), false, List.of());
        assertThat(body.text()).doesNotContain("Тема:").contains("под номером " + number + ".\nОтвет будет направлен");
        assertThat(body.html()).doesNotContain("Тема:");
    }

    @Test
    void theExplanationOffersTheFormNotAStatusLookupSinceNoTicketWasOpened() {
        MailBody body = text.explanationBody("Пётр", "Вопрос", List.of());
        assertThat(body.text()).contains("https://support.example.ru/\n").doesNotContain("Статус обращения", "/status")
                .doesNotContain("\n\n\n");
        assertThat(body.html()).doesNotContain("Статус обращения", "/status");
        assertThat(text.body("Пётр", number, "", Instant.parse("2026-12-03T11:17:00Z"), false, List.of()).text())
                .contains("\nСтатус обращения: https://support.example.ru/status\n");
    }

    @Test
    void aFollowUpsReceiptNamesTheTicketAndItsCurrentDueTime() {
        MailBody body = text.body("", number, "", Instant.parse("2026-12-03T11:17:00Z"), true, List.of());
        assertThat(text.subject(number, true)).isEqualTo("[№ " + number + "] Ваше сообщение добавлено к обращению");
        assertThat(body.text()).contains("Ваше сообщение добавлено к обращению № " + number + ".\n"
                + "Ответ будет направлен не позднее 3 декабря 2026 г., 14:17 (мск).").doesNotContain("Что дальше");
    }

    @Test
    void theHtmlAlternativeEscapesWhatTheSenderChoseAndLinksOnlyToUs() {
        MailBody body = text.body("", number, "", Instant.parse("2026-12-03T11:17:00Z"), false,
                rejected(List.of("<script>alert(1)</script>.pdf", "<a href=\"https://evil.example\">скан</a>.pdf")));
        assertThat(body.html()).doesNotContain("<script>", "evil.example").contains("&lt;script&gt;alert(1)&lt;/script&gt;.pdf");
        assertThat(Pattern.compile("href=\"([^\"]*)\"").matcher(body.html()).results().map(m -> m.group(1)))
                .containsOnly("https://support.example.ru/status");
    }

    @Test
    void bodyListsFilesThatWereNotAcceptedAndWhy() {
        String body = text.body("", number, "", Instant.parse("2026-11-24T15:00:00Z"), false,
                List.of(new RejectedAttachment("virus.pdf", RejectionReason.TYPE_NOT_ALLOWED))).text();
        assertThat(body).startsWith("Здравствуйте!")
                .contains(" — virus.pdf: такой тип файлов не принимается.")
                // only mail has rejected files (the form refuses them), and mail may also bring a ZIP of them
                .contains("Можно прислать PDF, JPEG, PNG, DOCX или ZIP-архив с такими файлами, всего до 10 МБ.");
    }

    @Test
    void aSenderNameHoldingALinkIsNotEchoedAndTheGreetingHasNoName() {
        String name = "Иван\n\nВНИМАНИЕ: подтвердите личность https://evil.example/login";
        String body = text.body(name, number, "", Instant.parse("2026-11-24T15:00:00Z"), false, List.of()).text();
        String explanation = text.explanationBody(name, "", List.of()).text();
        assertThat(body).startsWith("Здравствуйте!\n\n").doesNotContain("evil").doesNotContain("Иван");
        assertThat(explanation).startsWith("Здравствуйте!\n\n").doesNotContain("evil");
    }

    @Test
    void aNameThatReadsAsADomainIsNotEchoed() {
        String body = text.body("Иван evil.com", number, "", Instant.parse("2026-11-24T15:00:00Z"), false, List.of()).text();
        assertThat(body).startsWith("Здравствуйте!\n\n").doesNotContain("evil.com");
    }

    @Test
    void aPlainNameWithInitialsIsGreeted() {
        String body = text.body(" Иванов И. И. ", number, "", Instant.parse("2026-11-24T15:00:00Z"), false, List.of()).text();
        assertThat(body).startsWith("Здравствуйте, Иванов И. И.!\n\n");
    }

    /** Names a sender can give a file, each trying to put a link into our official mail. */
    private static final List<String> HOSTILE_NAMES = List.of("https://evil.example/login.pdf", "www.evil.ru", "evil.ru",
            "help@evil.ru.pdf", "документы.zip", "a\u3002evil\uFF0Ecom.pdf", "javascript:alert(1).pdf", "mailto:x@evil.ru",
            "HTTP\uFF1A//evil.example", "gos\u200Buslugi.ru.pdf", "почта.рф");
    private static final Set<String> TOP_LEVEL_DOMAINS = Set.of("com", "ru", "рф", "example", "zip", "mov", "app", "org",
            "net", "su");
    private static final Pattern SCHEME = Pattern.compile("(?i)[a-z][a-z0-9+.-]*[:\uFF1A][^\\s]");
    private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{N}-]+(?:[.\u3002\uFF0E\uFF61][\\p{L}\\p{N}-]+)+");

    /** Every token of {@code text} a mail client could turn into a link or an address, our own status page aside. */
    private List<String> linkLike(String text) {
        String theirs = text.replace("https://support.example.ru/status", "").replace("https://support.example.ru/", "");
        Stream<String> schemes = SCHEME.matcher(theirs).results().map(m -> m.group());
        Stream<String> addresses = Pattern.compile("[^\\s\\[]@[^\\s\\]]").matcher(theirs).results().map(m -> m.group());
        Stream<String> hosts = HOST.matcher(theirs).results().map(m -> m.group()).filter(host -> {
            List<String> labels = List.of(host.toLowerCase().split("[.\u3002\uFF0E\uFF61]"));
            return labels.get(0).equals("www") || labels.subList(1, labels.size()).stream().anyMatch(TOP_LEVEL_DOMAINS::contains);
        });
        return Stream.of(schemes, addresses, hosts).flatMap(s -> s).collect(Collectors.toList());
    }

    private static List<RejectedAttachment> rejected(List<String> names) {
        return names.stream().map(name -> new RejectedAttachment(name, RejectionReason.TYPE_NOT_ALLOWED)).toList();
    }

    @Test
    void rejectedFileNamesThatLookLikeLinksAreDefangedInTheAcknowledgement() {
        String body = text.body("", number, "", Instant.parse("2026-11-24T15:00:00Z"), false, rejected(HOSTILE_NAMES)).text();

        assertThat(linkLike(body)).isEmpty();
        assertThat(body).contains(" — https[:]//evil[.]example/login.pdf: ", " — www[.]evil[.]ru: ", " — help[@]evil[.]ru.pdf: ",
                " — документы[.]zip: ", " — почта[.]рф: ").contains("https://support.example.ru/status");
    }

    @Test
    void theExplanationNamesTheFilesMailMayBringOnceUnderItsRefusedFiles() {
        MailBody body = text.explanationBody("Пётр", "",
                List.of(new RejectedAttachment("скан.exe", RejectionReason.TYPE_NOT_ALLOWED)));
        assertThat(body.text()).contains(" — скан.exe: ");
        assertThat(body.text().split("ZIP-архив", -1)).hasSize(2);
        assertThat(body.html().split("ZIP-архив", -1)).hasSize(2);
    }

    @Test
    void rejectedFileNamesAreDefangedInTheExplanationToo() {
        String body = text.explanationBody("Пётр", "", rejected(HOSTILE_NAMES)).text();
        assertThat(linkLike(body)).isEmpty();
        assertThat(body).contains(" — www[.]evil[.]ru: ");
    }

    @Test
    void theDetectorOfLinksFindsEveryHostileNameUndefanged() {
        // The check above is only as good as this detector: raw, each name is found.
        HOSTILE_NAMES.stream().filter(name -> !name.contains("\u200B"))
                .forEach(name -> assertThat(linkLike(" — " + name + ": ")).as(name).isNotEmpty());
    }

    @Test
    void ordinaryFileNamesKeepTheirLooks() {
        String body = text.body("", number, "", Instant.parse("2026-11-24T15:00:00Z"), false,
                rejected(List.of("скан паспорта.pdf", "Фото 12.03.2026.JPG", "setup.exe"))).text();
        assertThat(body).contains(" — скан паспорта.pdf: ", " — Фото 12.03.2026.JPG: ", " — setup.exe: ");
    }

    @Test
    void explanationSubjectIsOneLineWithoutLinksAndFitsTheOutbox() {
        String subject = text.explanationSubject("Войдите на https://evil.example/login\r\nBcc: all@example.ru и www.evil.ru");
        assertThat(subject).doesNotContain("\r", "\n").startsWith("Re: Войдите на https[:]//evil[.]example/login")
                .endsWith(" — обращение не зарегистрировано");
        assertThat(linkLike(subject)).isEmpty();
        assertThat(text.explanationSubject("ж".repeat(1000))).hasSizeLessThan(400);
        assertThat(text.explanationSubject(" ")).isEqualTo("Re: ваше письмо — обращение не зарегистрировано");
    }

    @Test
    void acknowledgementSubjectsCarryNothingTheCitizenTyped() {
        assertThat(text.subject(number, false)).isEqualTo("[№ " + number + "] Ваше обращение принято");
        assertThat(text.subject(number, true)).isEqualTo("[№ " + number + "] Ваше сообщение добавлено к обращению");
    }

    @Test
    void extensionsWhoseDotIsKeptAreNoTopLevelDomains() throws IOException {
        Path list = Path.of("/usr/share/publicsuffix/public_suffix_list.dat");
        Assumptions.assumeTrue(Files.isReadable(list), "no Public Suffix List on this machine");
        try (Stream<String> lines = Files.lines(list)) {
            Set<String> suffixes = lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//"))
                    .collect(Collectors.toSet());
            assertThat(InertText.PLAIN_EXTENSIONS).allSatisfy(extension -> assertThat(suffixes).doesNotContain(extension));
            assertThat(suffixes).contains("zip", "mov", "app");
        }
    }
}
