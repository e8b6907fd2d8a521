package org.supportintake.core.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class RatingLinksTest {

    private static final Instant ANSWERED = Instant.parse("2026-12-04T07:00:00Z");
    private final RatingLinks links = new RatingLinks(RatingKey.of("a secret of thirty-two characters!!"),
            "https://support.example.ru/");

    @Test
    void aTokenItMadeVerifiesToItsTicketAndAnswerTime() {
        String token = links.token(new RatingToken(4217, ANSWERED));

        assertThat(links.verify(token)).contains(new RatingToken(4217, ANSWERED));
    }

    @Test
    void fiveLinksOneTokenScoresOneToFiveWithRussianLabels() {
        var five = links.links(4217, ANSWERED);

        assertThat(five).extracting(RatingLinks.RatingLink::label)
                .containsExactly("1 — плохо", "2 — неудовлетворительно", "3 — удовлетворительно", "4 — хорошо", "5 — отлично");
        String token = links.token(new RatingToken(4217, ANSWERED));
        assertThat(five).extracting(RatingLinks.RatingLink::url).containsExactly(
                "https://support.example.ru/rate/" + token + "/1", "https://support.example.ru/rate/" + token + "/2",
                "https://support.example.ru/rate/" + token + "/3", "https://support.example.ru/rate/" + token + "/4",
                "https://support.example.ru/rate/" + token + "/5");
    }

    @Test
    void aTokenWithAnotherTicketIdAndTheOldSignatureIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(links.token(new RatingToken(4217, ANSWERED)));
        ByteBuffer.wrap(bytes).putLong(0, 4218);

        assertThat(links.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))).isEmpty();
    }

    @Test
    void aTokenWithALaterAnswerTimeAndTheOldSignatureIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(links.token(new RatingToken(4217, ANSWERED)));
        ByteBuffer.wrap(bytes).putLong(8, ANSWERED.plusSeconds(86_400 * 60).getEpochSecond());

        assertThat(links.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))).isEmpty();
    }

    @Test
    void aTokenWithOneSignatureBitFlippedIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(links.token(new RatingToken(4217, ANSWERED)));
        bytes[bytes.length - 1] ^= 1;

        assertThat(links.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))).isEmpty();
    }

    @Test
    void aTokenSignedUnderAnotherKeyIsRefused() {
        var other = new RatingLinks(RatingKey.of("another secret of thirty-two chars!"), "https://support.example.ru/");

        assertThat(links.verify(other.token(new RatingToken(4217, ANSWERED)))).isEmpty();
    }

    @Test
    void garbageShortAndOverlongTokensAreRefused() {
        String token = links.token(new RatingToken(4217, ANSWERED));

        assertThat(links.verify("")).isEmpty();
        assertThat(links.verify("not base64 at all!")).isEmpty();
        assertThat(links.verify(token.substring(0, token.length() - 4))).isEmpty();
        assertThat(links.verify(token + "AAAA")).isEmpty();
    }

    @Test
    void aLinkIsOpenForThirtyDaysAfterTheAnswer() {
        var facts = new RatingToken(4217, ANSWERED);

        assertThat(facts.openAt(ANSWERED)).isTrue();
        assertThat(facts.openAt(ANSWERED.plus(RatingToken.WINDOW).minusSeconds(1))).isTrue();
        assertThat(facts.openAt(ANSWERED.plus(RatingToken.WINDOW))).isFalse();
        assertThat(facts.openAt(ANSWERED.minusSeconds(1))).as("not before the answer").isFalse();
    }

    @Test
    void theKeyNeverPrintsItselfAndAShortSecretIsRefused() {
        assertThat(RatingKey.of("a secret of thirty-two characters!!")).hasToString("RatingKey[hidden]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RatingKey.of("short"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
