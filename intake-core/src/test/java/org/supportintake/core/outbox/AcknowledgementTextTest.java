package org.supportintake.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

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
        String body = text.body("Иванова Мария", number, Instant.parse("2026-11-24T15:00:00Z"), false, List.of());
        assertThat(body).startsWith("Здравствуйте, Иванова Мария!")
                .contains("под номером " + number)
                .contains("не позднее 24 ноября 2026 г., 18:00 (время московское)")
                .contains("https://support.example.ru/status")
                .doesNotContain("Не приняты");
    }

    @Test
    void bodyListsFilesThatWereNotAcceptedAndWhy() {
        String body = text.body("", number, Instant.parse("2026-11-24T15:00:00Z"), false,
                List.of(new RejectedAttachment("virus.pdf", RejectionReason.TYPE_NOT_ALLOWED)));
        assertThat(body).startsWith("Здравствуйте!")
                .contains(" — virus.pdf: такой тип файлов не принимается.");
    }

    @Test
    void aSenderNameHoldingALinkIsNotEchoedAndTheGreetingHasNoName() {
        String name = "Иван\n\nВНИМАНИЕ: подтвердите личность https://evil.example/login";
        String body = text.body(name, number, Instant.parse("2026-11-24T15:00:00Z"), false, List.of());
        String explanation = text.explanationBody(name, List.of());
        assertThat(body).startsWith("Здравствуйте!\n\n").doesNotContain("evil").doesNotContain("Иван");
        assertThat(explanation).startsWith("Здравствуйте!\n\n").doesNotContain("evil");
    }

    @Test
    void aNameThatReadsAsADomainIsNotEchoed() {
        String body = text.body("Иван evil.com", number, Instant.parse("2026-11-24T15:00:00Z"), false, List.of());
        assertThat(body).startsWith("Здравствуйте!\n\n").doesNotContain("evil.com");
    }

    @Test
    void aPlainNameWithInitialsIsGreeted() {
        String body = text.body(" Иванов И. И. ", number, Instant.parse("2026-11-24T15:00:00Z"), false, List.of());
        assertThat(body).startsWith("Здравствуйте, Иванов И. И.!\n\n");
    }
}
