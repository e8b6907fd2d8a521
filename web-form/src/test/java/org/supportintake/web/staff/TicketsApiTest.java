package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportintake.core.staff.Role;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The list API through the real staff gate; tokens come from the fixture's stand-in accounts (see StaffFixture). */
class TicketsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StaffFixture staff;
    private String token;

    @BeforeEach
    void start() throws Exception {
        staff = new StaffFixture();
        token = staff.token(staff.member("robot", Role.OPERATOR));
    }

    @AfterEach
    void stop() throws Exception {
        staff.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String path) throws Exception {
        var response = staff.api(path, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        return JSON.readValue(response.body(), Map.class);
    }

    @Test
    void theListHasTheDesignedShapeAndANextCursorUntilTheEnd() throws Exception {
        var first = staff.ticket(1, t -> {
            t.put("status", "in_progress");
            t.put("category", "complaint");
            t.put("priority", "high");
            t.put("channel", "email");
            t.put("assignee", "petrova");
            t.put("overdue", true);
            t.put("created", OffsetDateTime.parse("2026-12-01T08:00:00Z"));
            t.put("due", OffsetDateTime.parse("2026-12-02T08:00:00Z"));
        });
        var second = staff.ticket(2, t -> { });

        Map<String, Object> page = get("/api/v1/tickets?limit=1");

        assertThat(page).containsOnlyKeys("tickets", "next");
        assertThat((List<Object>) page.get("tickets")).containsExactly(Map.ofEntries(
                Map.entry("number", first.toString()), Map.entry("status", "in_progress"),
                Map.entry("priority", "high"), Map.entry("category", "complaint"), Map.entry("channel", "email"),
                Map.entry("createdAt", "2026-12-01T08:00:00Z"), Map.entry("dueAt", "2026-12-02T08:00:00Z"),
                Map.entry("overdue", true), Map.entry("atRisk", false), Map.entry("repeatRequest", false),
                Map.entry("assignee", "petrova")));
        Map<String, Object> last = get("/api/v1/tickets?limit=1&after=" + page.get("next"));
        @SuppressWarnings("unchecked")
        var rows = (List<Map<String, Object>>) last.get("tickets");
        assertThat(rows).extracting(r -> r.get("number")).containsExactly(second.toString());
        assertThat(rows.get(0)).containsEntry("assignee", null);
        assertThat(last).containsEntry("next", null);
        assertThat(staff.audit()).containsExactly("robot api_read GET /api/v1/tickets open",
                "robot api_read GET /api/v1/tickets open");
    }

    @Test
    void theQueuesFiltersAreQueryParameters() throws Exception {
        staff.ticket(1, t -> t.put("category", "complaint"));
        var wanted = staff.ticket(2, t -> {
            t.put("category", "complaint");
            t.put("status", "closed");
            t.put("email", "ivanova@example.ru");
        });

        @SuppressWarnings("unchecked")
        var rows = (List<Map<String, Object>>) get("/api/v1/tickets?q=IVANOVA%40example.ru").get("tickets");
        assertThat(rows).extracting(r -> r.get("number")).containsExactly(wanted.toString());
        @SuppressWarnings("unchecked")
        var closed = (List<Map<String, Object>>) get("/api/v1/tickets?status=closed&category=complaint")
                .get("tickets");
        assertThat(closed).extracting(r -> r.get("number")).containsExactly(wanted.toString());
        assertThat(staff.audit()).containsExactly("robot api_read GET /api/v1/tickets q=\"i***@example.ru\"",
                "robot api_read GET /api/v1/tickets status=closed category=complaint");
    }

    @Test
    void aBadParameterIsA400InJson() throws Exception {
        for (String query : List.of("flag=late", "limit=0", "limit=x", "after=bogus", "to=yesterday", "channel=fax")) {
            var response = staff.api("/api/v1/tickets?" + query, token);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            @SuppressWarnings("unchecked")
            Map<String, Object> body = JSON.readValue(response.body(), Map.class);
            assertThat(body).as(query).containsOnlyKeys("error", "message");
            assertThat((String) body.get("error")).startsWith("invalid_");
        }
        assertThat(staff.audit()).isEmpty();
    }

    @Test
    void withoutAValidTokenThereIsNothing() throws Exception {
        staff.ticket(1, t -> { });
        assertThat(staff.api("/api/v1/tickets", null).statusCode()).isEqualTo(401);
        assertThat(staff.api("/api/v1/tickets", "wrong").statusCode()).isEqualTo(401);
        assertThat(staff.audit()).isEmpty();
    }
}
