package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.staff.Role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The audit for supervisors: {@code /staff/audit} and {@code GET /api/v1/audit}; operators are kept out. */
class AuditPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path files;
    private TicketSiteFixture site;

    @BeforeEach
    void start() throws Exception {
        site = new TicketSiteFixture(files);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private void looked(String at, String staff, AuditAction action, String ticket) {
        site.audit.record(new AuditEntry(Instant.parse(at), staff, "10.0.0.7", action, ticket, "x"));
    }

    @Test
    void anOperatorGets403OnThePageAndOnTheApi() throws Exception {
        var operator = site.signIn("operator.petrova", Role.OPERATOR);
        String token = site.token("operator.api", Role.OPERATOR);

        var page = site.get(operator, "/staff/audit");
        var api = site.api(token, "/api/v1/audit");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Недостаточно прав");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(api.body()).get("error").asText()).isEqualTo("forbidden");
        assertThat(site.auditRows()).isEmpty();
    }

    @Test
    void theApiWithoutATokenIs401() throws Exception {
        assertThat(site.api(null, "/api/v1/audit").statusCode()).isEqualTo(401);
    }

    @Test
    void aSupervisorSeesTheAuditNewestFirstFilteredByTheUrlAndTheLookIsItselfAudited() throws Exception {
        looked("2026-12-01T08:00:00Z", "operator.petrova", AuditAction.VIEW_TICKET, "26-0000001-7");
        looked("2026-12-02T08:00:00Z", "operator.sidorov", AuditAction.VIEW_TICKET, "26-0000002-3");
        looked("2026-12-02T09:00:00Z", "operator.petrova", AuditAction.DOWNLOAD_ATTACHMENT, "26-0000002-3");
        var supervisor = site.signIn("supervisor.orlova", Role.SUPERVISOR);

        String all = site.get(supervisor, "/staff/audit").body();
        String petrova = site.get(supervisor, "/staff/audit?staff=operator.petrova&action=view_ticket").body();
        String day = site.get(supervisor, "/staff/audit?from=2026-12-02&to=2026-12-02").body();

        assertThat(all).containsSubsequence("<td>Скачивание файла</td>", "<td>operator.sidorov</td>", ">26-0000001-7</a>");
        assertThat(all).contains("<a href=\"/staff/audit\" aria-current=\"page\">Аудит</a>");
        assertThat(petrova).contains(">26-0000001-7</a>").doesNotContain("<td>Скачивание файла</td>")
                .doesNotContain("<td>operator.sidorov</td>");
        assertThat(day).contains("<td>operator.sidorov</td>").doesNotContain(">26-0000001-7</a>");
        var views = site.auditRows().stream().filter(row -> row.action() == AuditAction.VIEW_AUDIT).toList();
        assertThat(views).hasSize(3).allSatisfy(row -> assertThat(row.staff()).isEqualTo("supervisor.orlova"));
        assertThat(views.get(1).what()).isEqualTo("staff=operator.petrova action=view_ticket");
    }

    @Test
    void aLongAuditIsPagedWithTheFiltersKeptInTheNextLink() throws Exception {
        for (int i = 0; i < AuditPage.PAGE + 5; i++) {
            looked("2026-12-01T08:00:00Z", "operator.petrova", AuditAction.VIEW_TICKET, "26-0000001-7");
        }
        var supervisor = site.signIn("supervisor.orlova", Role.SUPERVISOR);

        String first = site.get(supervisor, "/staff/audit?staff=operator.petrova").body();
        String next = first.replaceAll("(?s).*<a href=\"(/staff/audit\\?[^\"]+)\">Следующие записи</a>.*", "$1")
                .replace("&amp;", "&").replace("&#x3D;", "=");

        assertThat(next).startsWith("/staff/audit?staff=operator.petrova&after=");
        String second = site.get(supervisor, next).body();
        assertThat(second.split("<td>operator.petrova</td>", -1)).hasSize(6);
        assertThat(second).doesNotContain("Следующие записи");
    }

    @Test
    void aBadFilterValueIsMarkedAndLeftOut() throws Exception {
        looked("2026-12-01T08:00:00Z", "operator.petrova", AuditAction.VIEW_TICKET, "26-0000001-7");
        var supervisor = site.signIn("supervisor.orlova", Role.SUPERVISOR);

        String page = site.get(supervisor, "/staff/audit?from=вчера&ticket=12345").body();

        assertThat(page).contains("<a href=\"#from\">Введите дату", "<a href=\"#ticket\">Номер обращения неверен",
                "<td>operator.petrova</td>");
    }

    @Test
    void theApiAnswersInTheDesignsShapeWithACursorAndTheReadIsAudited() throws Exception {
        looked("2026-12-01T08:00:00Z", "operator.petrova", AuditAction.VIEW_TICKET, "26-0000001-7");
        looked("2026-12-02T08:00:00Z", "operator.sidorov", AuditAction.SEARCH, "");
        String token = site.token("supervisor.api", Role.SUPERVISOR);

        var first = site.api(token, "/api/v1/audit?limit=1");
        JsonNode page = JSON.readTree(first.body());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode entry = page.get("entries").get(0);
        assertThat(entry.toString()).isEqualTo("{\"at\":\"2026-12-02T08:00:00Z\",\"staff\":\"operator.sidorov\","
                + "\"address\":\"10.0.0.7\",\"action\":\"search\",\"ticket\":null,\"what\":\"x\"}");
        JsonNode rest = JSON.readTree(site.api(token, "/api/v1/audit?limit=1&after=" + page.get("next").asText()).body());
        assertThat(rest.get("entries").get(0).get("ticket").asText()).isEqualTo("26-0000001-7");
        assertThat(rest.get("next").isNull()).isTrue();
        assertThat(site.auditRows().stream().filter(row -> row.action() == AuditAction.API_READ))
                .hasSize(2).allSatisfy(row -> assertThat(row.staff()).isEqualTo("supervisor.api"));
        assertThat(site.api(token, "/api/v1/audit?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void theApiRefusesABrokenCursorLimitOrDateWith400JsonNamingTheParameterAndReadsNothing() throws Exception {
        for (int i = 0; i < 3; i++) {
            looked("2026-12-01T08:00:00Z", "operator.petrova", AuditAction.VIEW_TICKET, "26-0000001-7");
        }
        String token = site.token("supervisor.api", Role.SUPERVISOR);
        String next = JSON.readTree(site.api(token, "/api/v1/audit?limit=1").body()).get("next").asText();

        for (String[] asked : new String[][] {{"after=zz", "invalid_after"}, {"after=-1", "invalid_after"},
                {"after=" + next + "%27%20or%201=1--", "invalid_after"}, {"after=99999999999999999999", "invalid_after"},
                {"limit=-1", "invalid_limit"}, {"limit=abc", "invalid_limit"}, {"limit=100000", "invalid_limit"},
                {"from=zz", "invalid_from"}, {"to=2026-13-45", "invalid_to"}}) {
            var answer = site.api(token, "/api/v1/audit?" + asked[0]);

            assertThat(answer.statusCode()).as(asked[0]).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.fieldNames()).toIterable().as(asked[0]).containsExactly("error", "message");
            assertThat(body.get("error").asText()).as(asked[0]).isEqualTo(asked[1]);
            assertThat(body.get("message").asText()).as(asked[0]).matches("[А-ЯЁ].*\\.");
        }
        assertThat(site.auditRows().stream().filter(row -> row.action() == AuditAction.API_READ)).hasSize(1);
    }
}
