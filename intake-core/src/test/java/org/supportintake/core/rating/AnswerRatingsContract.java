package org.supportintake.core.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.jdbc.JdbcDigestQuery;
import org.supportintake.core.jdbc.JdbcRatingKey;
import org.supportintake.core.jdbc.JdbcTransactions;
import org.supportintake.core.outbox.OutboxNudge;
import org.supportintake.core.outbox.OutgoingMessageIds;
import org.supportintake.core.sla.ProductionCalendar;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.SettableClock;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.work.SupervisorDigest;

/** The rating of the answer on every database: links in the «Решено» mail, one rating per ticket, its events, the digest. */
public interface AnswerRatingsContract {

    String STAFF = "operator.petrova";
    Pattern LINK = Pattern.compile("http://localhost:8080/rate/([A-Za-z0-9_-]+)/([1-5])");

    IntakeFixture intake();

    static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SlaCalendar.MOSCOW).toInstant();
    }

    /** A ticket received Thursday 3 December 2026, answered («Решено») on Friday at 10:00 (мск). */
    private TicketNumber resolvedTicket(SettableClock clock) {
        var created = (IntakeOutcome.Created) intake().service().accept(
                Submissions.email(moscow("2026-12-03T12:00")).subject("Не работает вход").build());
        clock.set(moscow("2026-12-04T10:00"));
        intake().work(clock).resolve(created.ticketNumber(), STAFF, "Вход восстановлен.");
        return created.ticketNumber();
    }

    private String token() {
        Matcher link = LINK.matcher(intake().text("select body from outbox where kind = 'staff_notice'"));
        assertThat(link.find()).as("a rating link in the answer").isTrue();
        return link.group(1);
    }

    private long events(String kind) {
        return intake().rows("intake_event where kind = '" + kind + "'");
    }

    @Test
    default void theAnswerMailCarriesFiveRatingLinksInTextAndHtmlThatVerifyToTheTicket() {
        var clock = new SettableClock();
        var ticket = resolvedTicket(clock);
        String text = intake().text("select body from outbox where kind = 'staff_notice'");
        String html = intake().text("select html_body from outbox where kind = 'staff_notice'");

        Matcher links = LINK.matcher(text);
        List<String> scores = new java.util.ArrayList<>();
        while (links.find()) {
            scores.add(links.group(2));
            assertThat(IntakeFixture.RATING_LINKS.verify(links.group(1))).get()
                    .extracting(RatingToken::ticketId).isEqualTo(intake().jdbi().withHandle(h -> h.createQuery(
                            "select id from ticket where number = :n").bind("n", ticket.toString()).mapTo(Long.class).one()));
        }
        assertThat(scores).containsExactly("1", "2", "3", "4", "5");
        assertThat(text).contains("Оцените ответ:", "1 — плохо: http://localhost:8080/rate/",
                "5 — отлично: http://localhost:8080/rate/");
        assertThat(html).contains("Оцените ответ:", ">1 — плохо</a>", ">5 — отлично</a>")
                .contains("href=\"http://localhost:8080/rate/" + token() + "/3\"");
    }

    @Test
    default void aLinkUsedTwiceChangesTheOneRatingAndWritesTwoEvents() {
        var clock = new SettableClock();
        var ticket = resolvedTicket(clock);
        var ratings = intake().ratings(clock);
        clock.set(moscow("2026-12-04T11:00"));

        assertThat(ratings.rate(token(), 2, "")).isEqualTo(new RatingOutcome.Saved(ticket, 2, true));
        clock.set(moscow("2026-12-04T11:05"));
        assertThat(ratings.rate(token(), 5, "Спасибо, всё работает.")).isEqualTo(new RatingOutcome.Saved(ticket, 5, true));

        assertThat(intake().rows("rating")).isEqualTo(1);
        assertThat(ratings.ratingOf(ticket)).contains(new Rating(5, "Спасибо, всё работает.", moscow("2026-12-04T11:05")));
        assertThat(events("ticket_rated")).isEqualTo(2);
        assertThat(intake().text("select detail from intake_event where kind = 'ticket_rated' order by id desc limit 1"))
                .as("the score, never the comment").isEqualTo("5");
    }

    @Test
    default void theSameRatingSentAgainChangesNothingAndWritesNoEvent() {
        var clock = new SettableClock();
        var ticket = resolvedTicket(clock);
        var ratings = intake().ratings(clock);

        ratings.rate(token(), 4, "Хорошо");
        assertThat(ratings.rate(token(), 4, "Хорошо\r\n")).isEqualTo(new RatingOutcome.Saved(ticket, 4, false));

        assertThat(events("ticket_rated")).isEqualTo(1);
    }

    @Test
    default void aForgedTokenAScoreOutsideOneToFiveAndAnExpiredLinkRateNothing() {
        var clock = new SettableClock();
        resolvedTicket(clock);
        var ratings = intake().ratings(clock);
        String token = token();
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BA" : "AA");

        assertThat(ratings.rate(forged, 5, "")).isEqualTo(new RatingOutcome.NotFound());
        assertThat(ratings.open(forged)).isEmpty();
        assertThat(ratings.rate(token, 0, "")).isEqualTo(new RatingOutcome.NotFound());
        assertThat(ratings.rate(token, 6, "")).isEqualTo(new RatingOutcome.NotFound());
        clock.set(moscow("2026-12-04T10:00").plus(RatingToken.WINDOW));
        assertThat(ratings.open(token)).as("30 days after the answer").isEmpty();
        assertThat(ratings.rate(token, 5, "")).isEqualTo(new RatingOutcome.NotFound());

        assertThat(intake().rows("rating")).isZero();
        assertThat(events("ticket_rated")).isZero();
    }

    @Test
    default void aClosedTicketCanStillBeRatedAReopenedOneCannot() {
        var clock = new SettableClock();
        var ticket = resolvedTicket(clock);
        var ratings = intake().ratings(clock);
        String token = token();
        intake().work(clock).close(ticket, STAFF);
        assertThat(ratings.open(token)).get().extracting(RatingForm::number).isEqualTo(ticket);

        var other = resolvedTicket(clock);
        String otherToken = intake().text("select body from outbox where kind = 'staff_notice' order by id desc limit 1")
                .replaceAll("(?s).*http://localhost:8080/rate/([A-Za-z0-9_-]+)/1.*", "$1");
        intake().service().accept(Submissions.email(moscow("2026-12-04T12:00")).previousTicket(other.toString())
                .subject("Re: [№ " + other + "] не помогло").build());

        assertThat(ratings.open(otherToken)).as("reopened: the answer is not final").isEmpty();
        assertThat(ratings.rate(otherToken, 1, "")).isEqualTo(new RatingOutcome.NotFound());
    }

    @Test
    default void aCommentTooLongOrWithControlCharactersIsRefusedWithRussianReasons() {
        var clock = new SettableClock();
        resolvedTicket(clock);
        var ratings = intake().ratings(clock);

        var tooLong = (RatingOutcome.Invalid) ratings.rate(token(), 3, "а".repeat(1001));
        var control = (RatingOutcome.Invalid) ratings.rate(token(), 3, "текст\u0007звонок\u202Eнаоборот");

        assertThat(tooLong.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("comment");
            assertThat(v.message()).isEqualTo("Комментарий — не больше 1000 символов. Сейчас: 1001.");
        });
        assertThat(control.violations()).singleElement().satisfies(v ->
                assertThat(v.message()).startsWith("Комментарий содержит управляющие или невидимые символы"));
        assertThat(ratings.rate(token(), 3, "а".repeat(1000) + "\n")).isInstanceOf(RatingOutcome.Saved.class);
        assertThat(intake().rows("rating")).isEqualTo(1);
    }

    @Test
    default void theDigestCountsRatingsSinceThePreviousOneWithTheirAverage() {
        var clock = new SettableClock();
        resolvedTicket(clock);
        String first = token();
        resolvedTicket(clock);
        String second = intake().text("select body from outbox where kind = 'staff_notice' order by id desc limit 1")
                .replaceAll("(?s).*http://localhost:8080/rate/([A-Za-z0-9_-]+)/1.*", "$1");
        var ratings = intake().ratings(clock);
        clock.set(moscow("2026-12-04T11:00"));
        ratings.rate(first, 1, "");
        ratings.rate(first, 4, "");
        ratings.rate(second, 5, "");
        clock.set(moscow("2026-12-07T09:00"));
        var digest = new SupervisorDigest(new JdbcDigestQuery(intake().jdbi()), new JdbcTransactions(intake().jdbi()),
                List.of("head@support.example.ru"), ProductionCalendar.bundled(), new OutgoingMessageIds("support@localhost"),
                "https://support.example.ru", OutboxNudge.NONE, clock);

        digest.send(moscow("2026-12-04T09:00"));

        assertThat(intake().text("select body from outbox where kind = 'digest'"))
                .contains("Оценки ответов с 4 декабря 2026, 09:00 (мск): 2, средняя 4,5 из 5.");
        assertThat(intake().text("select html_body from outbox where kind = 'digest'"))
                .contains("<h2 style=\"font-size:18px;\">Оценки ответов</h2>", ": 2, средняя 4,5 из 5.");
        clock.set(moscow("2026-12-08T09:00"));
        digest.send(moscow("2026-12-07T09:00"));
        assertThat(intake().text("select body from outbox where kind = 'digest' order by id desc limit 1"))
                .contains("Оценки ответов с 7 декабря 2026, 09:00 (мск): нет.");
    }

    @Test
    default void everyNodeReadsTheOneGeneratedKeyTheFirstOneStored() {
        var first = JdbcRatingKey.loadOrCreate(intake().jdbi(), new SecureRandom());
        var second = JdbcRatingKey.loadOrCreate(intake().jdbi(), new SecureRandom());
        var facts = new RatingToken(1, Instant.EPOCH.plus(Duration.ofDays(20_000)));

        assertThat(new RatingLinks(second, "http://x").verify(new RatingLinks(first, "http://x").token(facts))).contains(facts);
        assertThat(intake().rows("rating_key")).isEqualTo(1);
    }
}
