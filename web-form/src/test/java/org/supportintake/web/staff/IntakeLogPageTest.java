package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.sla.SlaCalendar;
import org.supportintake.core.staff.Role;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.testing.TestClocks;

/** {@code /staff/log} over HTTP: every intake event, newest first, filtered in the URL, paged, audited. */
class IntakeLogPageTest {

    private static final Pattern ROW = Pattern.compile("<tr data-kind=\"([a-z_]+)\">");
    /** The Moscow day the fixtures' clock stands at, and that moment as the log shows it: no literal date. */
    private static final LocalDate TODAY = TestClocks.now().atZone(SlaCalendar.MOSCOW).toLocalDate();
    private static final String NOW_SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.ROOT)
            .withZone(SlaCalendar.MOSCOW).format(TestClocks.now());

    @TempDir
    Path files;

    private QuarantineFixture staff;
    private QuarantineFixture.Browser operator;

    @BeforeEach
    void start() throws Exception {
        staff = new QuarantineFixture(files);
        operator = staff.signIn("operator1", Role.OPERATOR);
        staff.intake().service().accept(Submissions.form().build());
        staff.setAside("anna@mail.example.ru", "Проблема", "Subject: x\r\n\r\ny", "MIME parts nested too deep");
    }

    @AfterEach
    void stop() throws Exception {
        staff.close();
    }

    private static java.util.List<String> kinds(HttpResponse<String> page) {
        return ROW.matcher(page.body()).results().map(match -> match.group(1)).toList();
    }

    private static String unescaped(String html) {
        return html.replace("&#x3D;", "=").replace("&amp;", "&");
    }

    @Test
    void everyEventShowsNewestFirstWithItsRussianKindAndTicket() throws Exception {
        HttpResponse<String> page = operator.get("/staff/log");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(kinds(page)).containsExactly("mail_failed", "ticket_created");
        String number = staff.intake().text("select number from ticket");
        assertThat(page.body()).contains("Письмо отложено", "Создано обращение", "MIME parts nested too deep",
                "<a href=\"/staff/tickets/" + number + "\">" + number + "</a>", NOW_SHOWN, "Форма",
                "aria-current=\"page\">Журнал событий");
        assertThat(staff.audit()).containsExactly("view_log|operator1||весь журнал");
    }

    @Test
    void filtersByKindChannelAndMoscowDaysLiveInTheUrl() throws Exception {
        assertThat(kinds(operator.get("/staff/log?kind=mail_failed"))).containsExactly("mail_failed");
        assertThat(kinds(operator.get("/staff/log?channel=form"))).containsExactly("ticket_created");
        assertThat(kinds(operator.get("/staff/log?from=" + TODAY.plusDays(1)))).isEmpty();
        assertThat(kinds(operator.get("/staff/log?from=" + TODAY + "&to=" + TODAY))).hasSize(2);
        assertThat(kinds(operator.get("/staff/log?to=" + TODAY.minusDays(1)))).isEmpty();
        assertThat(kinds(operator.get("/staff/log?kind=nonsense&from=yesterday"))).hasSize(2);
        assertThat(operator.get("/staff/log?kind=mail_failed").body())
                .contains("<option value=\"mail_failed\" selected>Письмо отложено</option>");
        assertThat(staff.audit()).contains("view_log|operator1||журнал: событие mail_failed", "view_log|operator1||журнал: с " + inRussian(TODAY) + " по " + inRussian(TODAY));
    }

    private static String inRussian(LocalDate day) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("ru")).format(day);
    }

    @Test
    void pagesFollowTheLastEventShownKeepingTheFilter() throws Exception {
        staff.intake().jdbi().useHandle(h -> h.execute("insert into intake_event (occurred_at, kind, channel, "
                + "external_id, detail) select occurred_at, 'mail_ignored', 'email', 'x', 'auto_reply' from intake_event "
                + "cross join (select 1 from intake_event e1 cross join intake_event e2 cross join intake_event e3 "
                + "cross join intake_event e4 cross join intake_event e5 cross join intake_event e6 "
                + "cross join intake_event e7) many where intake_event.kind = 'mail_failed'"));
        long ignored = Long.parseLong(staff.intake().text("select count(*) from intake_event where kind = 'mail_ignored'"));
        assertThat(ignored).isEqualTo(128);

        HttpResponse<String> first = operator.get("/staff/log?channel=email");
        java.util.regex.Matcher next = Pattern.compile("href=\"([^\"]*before[^\"]*)\">Следующая").matcher(first.body());
        assertThat(next.find()).isTrue();
        String link = unescaped(next.group(1));
        assertThat(link).matches("/staff/log\\?channel=email&before=\\d+");
        HttpResponse<String> second = operator.get(link);

        assertThat(kinds(first)).hasSize(IntakeLogPage.PAGE).containsOnly("mail_ignored");
        assertThat(kinds(second)).hasSize(128 + 1 - IntakeLogPage.PAGE).endsWith("mail_failed");
        assertThat(second.body()).contains("href=\"/staff/log?channel&#x3D;email\">К новым");
    }
}
