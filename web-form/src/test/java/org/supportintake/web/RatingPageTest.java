package org.supportintake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.rating.RatingToken;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.testing.Submissions;

class RatingPageTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/rate/([A-Za-z0-9_-]+))/1");
    private static final Instant ANSWERED = LocalDateTime.parse("2026-12-04T10:00").atZone(SlaCalendar.MOSCOW).toInstant();

    @TempDir
    Path files;

    private WebFixture web;
    private String token;
    private String number;

    @BeforeEach
    void answeredTicket() throws Exception {
        web = new WebFixture(files, WebFixture.generous());
        var created = (IntakeOutcome.Created) web.intake().service().accept(
                Submissions.email(ANSWERED.minusSeconds(86_400)).subject("Не работает вход").build());
        number = created.ticketNumber().toString();
        web.ratingClock.set(ANSWERED);
        web.intake().work(web.ratingClock).resolve(created.ticketNumber(), "operator.petrova", "Вход восстановлен.");
        Matcher link = LINK.matcher(web.intake().text("select body from outbox where kind = 'staff_notice'"));
        assertThat(link.find()).isTrue();
        token = link.group(2);
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    private HttpResponse<String> send(String path, String form) throws Exception {
        return web.client.send(HttpRequest.newBuilder(web.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the link for {@code score} and sends the page's form with {@code comment}, as a browser would. */
    private HttpResponse<String> rate(int score, String comment) throws Exception {
        String csrf = WebFixture.hidden(web.get("/rate/" + token + "/" + score).body(), "csrfToken");
        return send("/rate/" + token, "csrfToken=" + csrf + "&score=" + score + "&comment="
                + URLEncoder.encode(comment, StandardCharsets.UTF_8));
    }

    private long ratedEvents() {
        return web.intake().rows("intake_event where kind = 'ticket_rated'");
    }

    @Test
    void openingALinkShowsTheChosenScoreSelectedAndRecordsNothing() throws Exception {
        HttpResponse<String> page = web.get("/rate/" + token + "/4");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"ru\">", "<title>Оценка ответа — Служба поддержки</title>",
                        "<main id=\"main\">", "<h1>Оценка ответа</h1>", number, "<legend>Ваша оценка</legend>",
                        "<label for=\"score-1\">1 — плохо</label>", "<label for=\"score-5\">5 — отлично</label>",
                        "value=\"4\" checked", "<label for=\"comment\">Комментарий",
                        "<form method=\"post\" action=\"/rate/" + token + "\"", "Отправить оценку")
                .doesNotContain("value=\"3\" checked", "value=\"5\" checked", "Вход восстановлен", "ivanova");
        assertThat(web.intake().rows("rating")).as("mail scanners fetch links: a GET rates nothing").isZero();
        assertThat(web.client.send(HttpRequest.newBuilder(web.uri("/rate/" + token + "/4"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
    }

    /** How a browser fetches a link the person clicked in their mail: a top-level navigation they started. */
    private HttpResponse<String> click(int score) throws Exception {
        return web.client.send(HttpRequest.newBuilder(web.uri("/rate/" + token + "/" + score))
                .header("Sec-Fetch-User", "?1").header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Site", "none")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClickInTheMailRatesAtOnceAndKeepsTheCommentAlreadyGiven() throws Exception {
        rate(2, "Долго ждал ответа.");

        HttpResponse<String> clicked = click(5);
        HttpResponse<String> clickedAgain = click(5);

        assertThat(clicked.statusCode()).isEqualTo(200);
        assertThat(clicked.body()).contains("Спасибо, оценка сохранена: «5 — отлично».", "value=\"5\" checked",
                ">Долго ждал ответа.</textarea>", "Отправить оценку");
        assertThat(web.intake().text("select score || ' ' || comment from rating")).isEqualTo("5 Долго ждал ответа.");
        assertThat(ratedEvents()).as("the form, then the click; the same click again changes nothing").isEqualTo(2);
        assertThat(clickedAgain.body()).contains("Спасибо, оценка сохранена: «5 — отлично».");
    }

    @Test
    void sendingTheFormStoresTheRatingAndSendingAgainChangesIt() throws Exception {
        HttpResponse<String> first = rate(2, "Долго ждал ответа.");
        HttpResponse<String> second = rate(5, "Всё работает, спасибо.");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("<h1>Спасибо за оценку</h1>", "2 — неудовлетворительно");
        assertThat(second.body()).contains("5 — отлично");
        assertThat(web.intake().rows("rating")).isEqualTo(1);
        assertThat(web.intake().text("select comment from rating")).isEqualTo("Всё работает, спасибо.");
        assertThat(ratedEvents()).isEqualTo(2);
        assertThat(web.get("/rate/" + token + "/3").body())
                .contains("Вы уже оценили ответ: «5 — отлично»", "value=\"3\" checked", ">Всё работает, спасибо.</textarea>");
    }

    @Test
    void aPostWithoutTheCsrfTokenOfThePageIsRefusedAndTheChoiceKept() throws Exception {
        web.get("/rate/" + token + "/4");

        HttpResponse<String> answer = send("/rate/" + token, "csrfToken=forged&score=4&comment=%D0%BE%D0%BA");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("<title>Ошибка: Оценка ответа — Служба поддержки</title>",
                "Страница устарела. Отправьте оценку ещё раз.", "href=\"#score-4\"", "value=\"4\" checked", ">ок</textarea>");
        assertThat(web.intake().rows("rating")).isZero();
    }

    @Test
    void aCommentTooLongIsShownBesideItsFieldWithWhatWasTyped() throws Exception {
        HttpResponse<String> answer = rate(3, "б".repeat(1001));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("<title>Ошибка: Оценка ответа — Служба поддержки</title>",
                "id=\"comment-error\"", "Комментарий — не больше 1000 символов. Сейчас: 1001.", "aria-invalid=\"true\"",
                "href=\"#comment\"", "б".repeat(1001) + "</textarea>", "value=\"3\" checked");
        assertThat(web.intake().rows("rating")).isZero();
    }

    @Test
    void aCommentOfDecomposedLettersIsCountedAsTheCitizenSeesIt() throws Exception {
        String comment = "й".repeat(1000);

        HttpResponse<String> answer = rate(3, java.text.Normalizer.normalize(comment, java.text.Normalizer.Form.NFD));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(web.intake().text("select comment from rating")).isEqualTo(comment);
    }

    @Test
    void aCommentWithControlCharactersIsRefusedInRussian() throws Exception {
        HttpResponse<String> answer = rate(3, "хорошо\u0000\u202E");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("Комментарий содержит управляющие или невидимые символы");
        assertThat(ratedEvents()).isZero();
    }

    @Test
    void forgedExpiredAndOutOfRangeLinksAreTheSitesNotFoundPage() throws Exception {
        String forged = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        String notFound = web.get("/rate/" + forged + "/5").body();

        for (String path : new String[] {"/rate/" + forged + "/5", "/rate/" + token + "/0", "/rate/" + token + "/6",
                "/rate/" + token + "/x", "/rate/" + token, "/rate/" + token + "/5/more", "/rate/", "/rate/abc/3"}) {
            HttpResponse<String> answer = web.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).contains("<title>Ошибка: Страница не найдена — Служба поддержки</title>",
                    "<h1>Страница не найдена</h1>").isEqualTo(notFound);
        }
        assertThat(send("/rate/" + forged, "csrfToken=x&score=5").statusCode()).isEqualTo(404);
        assertThat(send("/rate/" + token, "csrfToken=x&score=9").statusCode()).isEqualTo(404);

        web.ratingClock.set(ANSWERED.plus(RatingToken.WINDOW));
        assertThat(web.get("/rate/" + token + "/5").body()).as("expired: no hint that the ticket exists")
                .isEqualTo(notFound);
        assertThat(web.intake().rows("rating")).isZero();
    }

    @Test
    void otherMethodsThanGetHeadAndPostAre405() throws Exception {
        HttpResponse<String> answer = web.client.send(HttpRequest.newBuilder(web.uri("/rate/" + token + "/5"))
                .method("PUT", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow").orElse("")).contains("GET", "HEAD", "POST");
    }
}
