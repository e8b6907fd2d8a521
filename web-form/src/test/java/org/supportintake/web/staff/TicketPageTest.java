package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportintake.web.staff.TicketSiteFixture.moscow;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.attachments.policy.AttachmentVerdict;
import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.staff.Role;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.ticket.TicketNumber;

/** The ticket page over HTTP: what it shows, each move it makes, who may make it, and the audit of every look. */
class TicketPageTest {

    private static final String OPERATOR = "operator.petrova";

    @TempDir
    Path files;
    private TicketSiteFixture site;
    private TicketSiteFixture.Browser operator;

    @BeforeEach
    void start() throws Exception {
        site = new TicketSiteFixture(files);
        operator = site.signIn(OPERATOR, Role.OPERATOR);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private String page(TicketNumber number) throws Exception {
        HttpResponse<String> page = site.get(operator, "/staff/tickets/" + number);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private String status(TicketNumber number) {
        return site.text("select status from ticket where number = '" + number + "'");
    }

    private String eventStaff(String kind) {
        return site.text("select staff from intake_event where kind = '" + kind + "'");
    }

    private static void assertBackOnThePage(HttpResponse<String> answer, TicketNumber number, String done) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).contains("/staff/tickets/" + number + "?done=" + done);
    }

    @Nested
    class WhatItShows {

        @Test
        void theRequesterMessagesFilesRejectedFilesHistoryAndMailsWithTheirState() throws Exception {
            var number = site.emailTicket("Не могу войти.", site.storedFile("снимок.png", "image/png", new byte[] {1, 2}),
                    Submissions.file("счёт.exe", "application/x-msdownload", 4096,
                            AttachmentVerdict.rejected(RejectionReason.TYPE_NOT_ALLOWED)));
            long fileId = site.intake().jdbi().withHandle(h -> h.createQuery(
                    "select id from attachment where verdict = 'accepted'").mapTo(Long.class).one());

            String page = page(number);

            assertThat(page).contains("<h1>Обращение " + number + "</h1>",
                    "<dd>Пётр Петров</dd>", "<dd>petrov@example.ru</dd>", "Не могу войти.",
                    "<a href=\"/staff/files/" + fileId + "\" download>снимок.png</a> (image/png, 2\u00a0байт)",
                    "счёт.exe (application/x-msdownload, 4,0\u00a0КБ): такой тип файлов не принимается",
                    "<td>Обращение создано</td><td>система</td>",
                    "Подтверждение приёма", "<strong class=\"mail-state mail-pending\">Ждёт отправки</strong>",
                    "aria-current=\"page\">Очередь</a>");
        }

        @Test
        void theQuotedPartOfAMessageIsFoldedApartFromItsNewText() throws Exception {
            var mail = Submissions.email(moscow("2026-12-03T12:00")).text("Новый текст.")
                    .emailFacts(new org.supportintake.core.submission.EmailFacts("<q@example.ru>", "", List.of(),
                            "> Старое письмо.", "", List.of()));
            var number = ((org.supportintake.core.intake.IntakeOutcome.Created) site.intake().service()
                    .accept(mail.build())).ticketNumber();

            assertThat(page(number)).contains("<p class=\"message-text\">Новый текст.</p>\n  <details><summary>"
                    + "Цитата из прежней переписки</summary><p class=\"message-text\">&gt; Старое письмо.</p></details>");
        }

        @Test
        void aCitizensScriptIsShownAsText() throws Exception {
            var number = site.emailTicket("<script>alert('x')</script>");

            String page = page(number);

            assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>alert");
        }

        @Test
        void everyLookIsAuditedWithWhoWhenAndFromWhere() throws Exception {
            var number = site.emailTicket("Текст.");

            page(number);
            page(number);

            List<AuditEntry> rows = site.auditRows();
            assertThat(rows).hasSize(2).allSatisfy(row -> {
                assertThat(row.action()).isEqualTo(AuditAction.VIEW_TICKET);
                assertThat(row.staff()).isEqualTo(OPERATOR);
                assertThat(row.ticket()).isEqualTo(number.toString());
                assertThat(row.address()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]");
                assertThat(row.at()).isEqualTo(site.intake().clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            });
        }

        @Test
        void anUnknownNumberIsARussian404AndWritesNoAuditRow() throws Exception {
            site.emailTicket("Текст.");

            HttpResponse<String> unknown = site.get(operator, "/staff/tickets/" + TicketNumber.of(26, 999_999));
            HttpResponse<String> garbage = site.get(operator, "/staff/tickets/not-a-number");

            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("Обращение не найдено", "Обращения с таким номером нет.");
            assertThat(garbage.statusCode()).isEqualTo(404);
            assertThat(site.auditRows()).isEmpty();
        }

        @Test
        void anOperatorIsNotOfferedTheExtensionASupervisorIs() throws Exception {
            var number = site.emailTicket("Текст.");
            var supervisor = site.signIn("supervisor.orlova", Role.SUPERVISOR);

            assertThat(page(number)).doesNotContain("/extend\"");
            assertThat(site.get(supervisor, "/staff/tickets/" + number).body()).contains(
                    "action=\"/staff/tickets/" + number + "/extend\"", "value=\"2026-12-08T12:00\"");
        }
    }

    @Nested
    class Moves {

        @Test
        void takingPutsTheTicketInWorkUnderTheOperatorAndTheRedirectShowsTheNoticeOnce() throws Exception {
            var number = site.emailTicket("Текст.");

            var answer = site.post(operator, "/staff/tickets/" + number + "/take");

            assertBackOnThePage(answer, number, "taken");
            assertThat(status(number)).isEqualTo("in_progress");
            assertThat(eventStaff("ticket_taken")).isEqualTo(OPERATOR);
            assertThat(site.get(operator, "/staff/tickets/" + number + "?done=taken").body())
                    .contains("<div class=\"notice\" role=\"status\"><p>Обращение взято в работу.</p></div>",
                            "<dd>" + OPERATOR + "</dd>",
                            "<title>Обращение взято в работу — Обращение " + number + " — Журнал обращений</title>");
            assertThat(page(number)).doesNotContain("Обращение взято в работу.</p>")
                    .contains("<title>Обращение " + number + " — Журнал обращений</title>");
        }

        @Test
        void askingSendsTheQuestionAndTheTicketWaitsForTheCitizen() throws Exception {
            var number = site.emailTicket("Текст.");

            assertBackOnThePage(site.post(operator, "/staff/tickets/" + number + "/ask", "ask-text", "Уточните адрес."),
                    number, "asked");

            assertThat(status(number)).isEqualTo("waiting_for_citizen");
            assertThat(eventStaff("staff_asked")).isEqualTo(OPERATOR);
            assertThat(site.text("select body from outbox where kind = 'staff_notice'")).contains("Уточните адрес.");
        }

        @Test
        void anEmptyQuestionIsMarkedBesideItsFieldAndNothingMoves() throws Exception {
            var number = site.emailTicket("Текст.");

            var answer = site.post(operator, "/staff/tickets/" + number + "/ask", "ask-text", "   ");

            assertThat(answer.statusCode()).isEqualTo(422);
            assertThat(answer.body()).contains("<a href=\"#ask-text\">Введите вопрос гражданину.</a>",
                    "<p class=\"error-message\" id=\"ask-text-error\"><span class=\"visually-hidden\">Ошибка: </span>"
                            + "Введите вопрос гражданину.</p>", "aria-invalid=\"true\"");
            assertThat(status(number)).isEqualTo("accepted");
            assertThat(site.rows("intake_event where kind = 'staff_asked'")).isZero();
        }

        @Test
        void resolvingSendsTheAnswerAndClosingEndsIt() throws Exception {
            var number = site.emailTicket("Текст.");

            assertBackOnThePage(site.post(operator, "/staff/tickets/" + number + "/resolve", "resolve-text",
                    "Вход восстановлен."), number, "resolved");
            assertThat(status(number)).isEqualTo("resolved");
            assertThat(eventStaff("ticket_resolved")).isEqualTo(OPERATOR);
            assertThat(site.text("select body from outbox where kind = 'staff_notice'")).contains("Вход восстановлен.");

            assertBackOnThePage(site.post(operator, "/staff/tickets/" + number + "/close"), number, "closed");
            assertThat(status(number)).isEqualTo("closed");
            assertThat(eventStaff("ticket_closed")).isEqualTo(OPERATOR);
        }

        @Test
        void aMoveTheStatusDoesNotAllowShowsTheReasonAndChangesNothing() throws Exception {
            var number = site.emailTicket("Текст.");

            var answer = site.post(operator, "/staff/tickets/" + number + "/close");

            assertThat(answer.statusCode()).isEqualTo(409);
            assertThat(answer.body()).contains("<a href=\"#actions\">Закрыть можно только решённое обращение.</a>");
            assertThat(status(number)).isEqualTo("accepted");
        }

        @Test
        void aSupervisorExtendsTheDueDateGivenInMoscowTimeWithAReason() throws Exception {
            var number = site.emailTicket("Текст.");
            var supervisor = site.signIn("supervisor.orlova", Role.SUPERVISOR);

            assertBackOnThePage(site.post(supervisor, "/staff/tickets/" + number + "/extend", "extend-due",
                    "2026-12-08T18:00", "extend-reason", "Нужен запрос в ведомство"), number, "extended");

            assertThat(site.instant("select due_at from ticket")).isEqualTo(moscow("2026-12-08T18:00"));
            assertThat(eventStaff("due_extended")).isEqualTo("supervisor.orlova");
        }

        @Test
        void aBadDateAndAMissingReasonAreMarkedBesideTheirFieldsWithWhatWasTypedKept() throws Exception {
            var number = site.emailTicket("Текст.");
            var supervisor = site.signIn("supervisor.orlova", Role.SUPERVISOR);

            var answer = site.post(supervisor, "/staff/tickets/" + number + "/extend", "extend-due", "8 декабря",
                    "extend-reason", "");

            assertThat(answer.statusCode()).isEqualTo(422);
            assertThat(answer.body()).contains("<a href=\"#extend-due\">Введите новый срок как дату и время",
                    "<a href=\"#extend-reason\">Укажите причину переноса срока", "value=\"8 декабря\"");
            assertThat(site.instant("select due_at from ticket")).isEqualTo(moscow("2026-12-08T12:00"));
        }

        @Test
        void anOperatorMayNotExtend() throws Exception {
            var number = site.emailTicket("Текст.");

            var answer = site.post(operator, "/staff/tickets/" + number + "/extend", "extend-due", "2026-12-08T18:00",
                    "extend-reason", "Нужен запрос в ведомство");

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).contains("Недостаточно прав");
            assertThat(site.instant("select due_at from ticket")).isEqualTo(moscow("2026-12-08T12:00"));
            assertThat(site.rows("intake_event where kind = 'due_extended'")).isZero();
        }

        @Test
        void categoryAndPriorityChangeAndTheDueTimeFollows() throws Exception {
            var number = site.emailTicket("Текст.");

            assertBackOnThePage(site.post(operator, "/staff/tickets/" + number + "/category", "category", "suggestion"),
                    number, "category");
            assertThat(site.text("select category from ticket")).isEqualTo("suggestion");
            assertThat(eventStaff("category_changed")).isEqualTo(OPERATOR);

            assertBackOnThePage(site.post(operator, "/staff/tickets/" + number + "/priority", "priority", "high"),
                    number, "priority");
            assertThat(site.text("select priority from ticket")).isEqualTo("high");
            assertThat(eventStaff("priority_changed")).isEqualTo(OPERATOR);

            assertThat(site.post(operator, "/staff/tickets/" + number + "/priority", "priority", "urgent").statusCode())
                    .isEqualTo(422);
        }

        @Test
        void markingAsSpamClosesTheTicketWithoutMailAndWithdrawsTheAcknowledgement() throws Exception {
            var number = site.emailTicket("Купите слона.");

            assertBackOnThePage(site.post(operator, "/staff/tickets/" + number + "/spam"), number, "spam");

            assertThat(status(number)).isEqualTo("closed");
            assertThat(eventStaff("marked_not_a_request")).isEqualTo(OPERATOR);
            assertThat(site.rows("outbox")).isEqualTo(1);
            assertThat(page(number)).contains("<strong class=\"mail-state mail-cancelled\">Отменено</strong>",
                    "<td>Отмечено как не обращение (спам)</td><td>" + OPERATOR + "</td>");
        }

        @Test
        void aPostWithoutTheFormsTokenIsRefusedByTheGate() throws Exception {
            var number = site.emailTicket("Текст.");

            var answer = site.postRaw(operator, "/staff/tickets/" + number + "/take", Map.of());

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(status(number)).isEqualTo("accepted");
        }

        @Test
        void anAnswerPostedFromAPageOpenedBeforeSigningInAgainIsShownAgainWithItsTextAndNotSent() throws Exception {
            var number = site.emailTicket("Текст.");
            // What Chromium sends for a form on a page with Referrer-Policy: no-referrer
            var ownSite = Map.of("Origin", "null", "Sec-Fetch-Site", "same-origin");

            var answer = site.postRaw(operator, "/staff/tickets/" + number + "/resolve",
                    Map.of("csrf", "token-of-an-earlier-session", "resolve-text", "Вход восстановлен <b>сегодня</b>."),
                    ownSite);

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).contains("<a href=\"#resolve-text\">Страница была открыта до нового входа, "
                    + "поэтому действие не выполнено. Введённое сохранено в форме: проверьте его и отправьте снова.</a>",
                    "Вход восстановлен &lt;b&gt;сегодня&lt;/b&gt;.</textarea>",
                    "name=\"csrf\" value=\"" + operator.csrf() + "\"");
            assertThat(status(number)).isEqualTo("accepted");
            assertThat(site.rows("outbox where kind = 'staff_notice'")).isZero();
            assertThat(site.rows("intake_event where kind = 'ticket_resolved'")).isZero();

            var take = site.postRaw(operator, "/staff/tickets/" + number + "/take",
                    Map.of("csrf", "token-of-an-earlier-session"), ownSite);
            assertThat(take.statusCode()).isEqualTo(403);
            assertThat(take.body()).contains("<a href=\"#actions\">Страница была открыта до нового входа");
            assertThat(status(number)).isEqualTo("accepted");
        }

        @Test
        void aFormPostedFromAnotherSiteWithoutTheTokenShowsNothingOfWhatItCarried() throws Exception {
            var number = site.emailTicket("Текст.");
            var form = Map.of("csrf", "guessed", "resolve-text", "Текст чужого сайта");

            var foreign = site.postRaw(operator, "/staff/tickets/" + number + "/resolve", form,
                    Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));
            var noFetchSite = site.postRaw(operator, "/staff/tickets/" + number + "/resolve", form,
                    Map.of("Origin", site.uri("").toString()));

            for (var answer : List.of(foreign, noFetchSite)) {
                assertThat(answer.statusCode()).isEqualTo(403);
                assertThat(answer.body()).contains("Форма устарела").doesNotContain("Текст чужого сайта");
            }
            assertThat(status(number)).isEqualTo("accepted");
        }

        @Test
        void anUnknownActionOrNumberIs404() throws Exception {
            var number = site.emailTicket("Текст.");

            assertThat(site.post(operator, "/staff/tickets/" + number + "/delete").statusCode()).isEqualTo(404);
            assertThat(site.post(operator, "/staff/tickets/" + TicketNumber.of(26, 999_999) + "/take").statusCode())
                    .isEqualTo(404);
        }
    }
}
