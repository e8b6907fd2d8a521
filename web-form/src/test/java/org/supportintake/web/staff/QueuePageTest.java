package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportintake.core.staff.Role;

class QueuePageTest {

    private static final Pattern NUMBER = Pattern.compile("href=\"/staff/tickets/([0-9-]+)\"");
    private static final Pattern NEXT = Pattern.compile("href=\"(/staff\\?[^\"]+)\">Следующая страница");

    private StaffFixture staff;
    private String cookie;

    @BeforeEach
    void start() throws Exception {
        staff = new StaffFixture();
        cookie = staff.signIn(staff.member("petrova", Role.OPERATOR));
    }

    @AfterEach
    void stop() throws Exception {
        staff.close();
    }

    private static List<String> numbers(String page) {
        List<String> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(page);
        while (m.find()) {
            numbers.add(m.group(1));
        }
        return numbers;
    }

    private static java.time.OffsetDateTime inHours(double hours) {
        return StaffFixture.NOW.plus(Duration.ofMinutes(Math.round(hours * 60))).atOffset(ZoneOffset.UTC);
    }

    @Test
    void theQueueListsOpenTicketsByDueTimeWithWhatIsLeftAndTheirFlags() throws Exception {
        var later = staff.ticket(1, t -> t.put("due", inHours(2 + 10 / 60.0)));
        var late = staff.ticket(2, t -> {
            t.put("due", inHours(-3));
            t.put("overdue", true);
            t.put("status", "in_progress");
            t.put("assignee", "petrova");
            t.put("category", "complaint");
        });
        staff.ticket(3, t -> t.put("status", "closed"));

        var response = staff.page("/staff", cookie);

        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(numbers(page)).containsExactly(late.toString(), later.toString());
        assertThat(page).contains("осталось 2 ч 10 мин", "<span class=\"left-overdue\">просрочено на 3 ч</span>",
                "<span class=\"flag flag-overdue\">Просрочено</span>", "Жалоба", "В работе", "petrova",
                "3\u00a0декабря 2026\u00a0г., 09:00\u00a0(мск)", "<caption", "<th scope=\"col\">Срок ответа</th>",
                "aria-current=\"page\">Очередь</a>")
                .doesNotContain("Следующая страница");
        assertThat(staff.audit()).containsExactly("petrova view_queue open");
    }

    @Test
    void filtersComeFromTheUrlAndStayInTheForm() throws Exception {
        var complaint = staff.ticket(1, t -> t.put("category", "complaint"));
        staff.ticket(2, t -> t.put("category", "suggestion"));
        var mine = staff.ticket(3, t -> {
            t.put("category", "complaint");
            t.put("assignee", "petrova");
            t.put("priority", "high");
        });
        var closed = staff.ticket(4, t -> {
            t.put("category", "complaint");
            t.put("status", "closed");
        });

        String page = staff.page("/staff?category=complaint", cookie).body();
        assertThat(numbers(page)).containsExactlyInAnyOrder(complaint.toString(), mine.toString());
        assertThat(page).contains("<option value=\"complaint\" selected>Жалоба</option>",
                "<title>Отобранные обращения — Очередь обращений — ");
        assertThat(staff.page("/staff", cookie).body()).as("the whole queue").contains("<title>Очередь обращений — ");

        assertThat(numbers(staff.page("/staff?category=complaint&mine=1", cookie).body()))
                .containsExactly(mine.toString());
        assertThat(numbers(staff.page("/staff?category=complaint&status=closed", cookie).body()))
                .containsExactly(closed.toString());
        assertThat(numbers(staff.page("/staff?status=all&priority=high", cookie).body()))
                .containsExactly(mine.toString());
        assertThat(staff.page("/staff?category=complaint&mine=1", cookie).body())
                .contains("id=\"mine\" name=\"mine\" type=\"checkbox\" value=\"1\" checked");
    }

    @Test
    void theNextPageLinkKeepsTheFiltersAndPagesNeitherSkipNorRepeat() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int hours = i;
            expected.add(staff.ticket(10 + i, t -> {
                t.put("category", "complaint");
                t.put("due", inHours(hours));
            }).toString());
        }
        staff.ticket(20, t -> t.put("category", "suggestion"));

        List<String> seen = new ArrayList<>();
        String path = "/staff?category=complaint&limit=2";
        int pages = 0;
        while (path != null) {
            String page = staff.page(path, cookie).body();
            seen.addAll(numbers(page));
            Matcher next = NEXT.matcher(page);
            path = next.find() ? next.group(1).replace("&amp;", "&").replace("&#x3D;", "=") : null;
            if (path != null) {
                assertThat(path).contains("category=complaint", "limit=2", "after=");
            }
            pages++;
        }

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aSearchIsAuditedWithTheContactMasked() throws Exception {
        var hers = staff.ticket(1, t -> {
            t.put("email", "Ivanova@Example.ru");
            t.put("status", "closed");
        });
        staff.ticket(2, t -> { });

        String page = staff.page("/staff?q=ivanova%40example.ru", cookie).body();

        assertThat(numbers(page)).containsExactly(hers.toString());
        assertThat(page).contains("value=\"ivanova@example.ru\"", "<title>Результаты поиска — Очередь обращений — ");
        assertThat(staff.audit()).containsExactly("petrova search q=\"i***@example.ru\"");
    }

    @Test
    void nothingFoundSaysSo() throws Exception {
        String page = staff.page("/staff?flag=ack_failed", cookie).body();
        assertThat(page).contains("По этим условиям обращений нет.", "<title>Обращений нет — Очередь обращений — ")
                .doesNotContain("<table");
    }

    @Test
    void aWrongFilterIsABadRequestPage() throws Exception {
        var response = staff.page("/staff?status=lost", cookie);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Неизвестный статус");
        assertThat(staff.page("/staff?after=nonsense", cookie).statusCode()).isEqualTo(400);
        assertThat(staff.page("/staff?from=2026-13-01", cookie).statusCode()).isEqualTo(400);
    }

    @Test
    void theReceivedDatesAreMoscowDaysBothIncluded() throws Exception {
        // 2 December 2026 23:30 in Moscow is still 20:30 UTC on the 2nd; 3 December 00:30 Moscow is the 2nd in UTC too.
        var second = staff.ticket(1, t -> t.put("created", java.time.OffsetDateTime.parse("2026-12-02T20:30:00Z")));
        var third = staff.ticket(2, t -> t.put("created", java.time.OffsetDateTime.parse("2026-12-02T21:30:00Z")));

        assertThat(numbers(staff.page("/staff?from=2026-12-03&to=2026-12-03", cookie).body()))
                .containsExactly(third.toString());
        assertThat(numbers(staff.page("/staff?to=2026-12-02", cookie).body())).containsExactly(second.toString());
    }

    @Test
    void withoutASessionTheQueueSendsToTheLoginPage() throws Exception {
        var response = staff.page("/staff?category=complaint", "no-such-session");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains(
                "/staff/login?next=%2Fstaff%3Fcategory%3Dcomplaint&ended=session");
        assertThat(staff.audit()).isEmpty();
    }
}
