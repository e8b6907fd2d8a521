package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportintake.core.staff.Role;

class QueueExportTest {

    private StaffFixture staff;

    @BeforeEach
    void start() throws Exception {
        staff = new StaffFixture();
    }

    @AfterEach
    void stop() throws Exception {
        staff.close();
    }

    @Test
    void theExportIsUtf8WithBomCyrillicAndNoFormulas() throws Exception {
        String cookie = staff.signIn(staff.member("smirnova", Role.SUPERVISOR));
        var number = staff.ticket(1, t -> {
            t.put("category", "complaint");
            t.put("assignee", "=HYPERLINK(\"http://evil.example\",\"x\")");
        });
        staff.ticket(2, t -> t.put("category", "suggestion"));

        var response = staff.bytes("/staff/export.csv?category=complaint&after=ignored&limit=1", cookie);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.toLowerCase()).startsWith("text/csv").contains("utf-8"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"queue-2026-12-03.csv\"");
        byte[] body = response.body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).hasSize(2);
        assertThat(text).startsWith("\"Номер\";\"Получено (мск)\";")
                .contains("\"" + number + "\"", "\"Жалоба\"", "\"Форма на сайте\"", "\"Принято\"",
                        "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")
                .doesNotContain("Предложение");
        assertThat(staff.audit()).containsExactly("smirnova export_csv category=complaint");
    }

    @Test
    void timesAreMoscowTimesToTheSecondThatRussianExcelReadsAsDates() throws Exception {
        String cookie = staff.signIn(staff.member("smirnova", Role.SUPERVISOR));
        staff.ticket(1, t -> {
            t.put("created", java.time.OffsetDateTime.parse("2026-12-03T07:05:09Z"));
            t.put("due", java.time.OffsetDateTime.parse("2026-12-10T15:00:00Z"));
        });

        String text = new String(staff.bytes("/staff/export.csv", cookie).body(), StandardCharsets.UTF_8);

        assertThat(text.split("\r\n")[1]).contains(";\"03.12.2026 10:05:09\";", ";\"10.12.2026 18:00:00\";");
    }

    @Test
    void aLargeExportComesWholeAPageAtATime() throws Exception {
        String cookie = staff.signIn(staff.member("smirnova", Role.ADMIN));
        for (int i = 0; i < 450; i++) {
            staff.ticket(100 + i, t -> { });
        }

        var response = staff.bytes("/staff/export.csv", cookie);

        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).hasSize(451);
        assertThat(text.split("\r\n")).doesNotHaveDuplicates();
    }

    @Test
    void anOperatorMayNotExport() throws Exception {
        String cookie = staff.signIn(staff.member("petrova", Role.OPERATOR));
        staff.ticket(1, t -> { });

        var response = staff.bytes("/staff/export.csv", cookie);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("Недостаточно прав");
        assertThat(staff.audit()).isEmpty();
        assertThat(staff.page("/staff", cookie).body()).doesNotContain("export.csv");
    }
}
