package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.staff.Role;
import org.supportintake.core.ticket.TicketNumber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code GET /api/v1/tickets/{number}}: one ticket with its messages and events, for any staff token; audited. */
class TicketApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path files;
    private TicketSiteFixture site;
    private String token;

    @BeforeEach
    void start() throws Exception {
        site = new TicketSiteFixture(files);
        token = site.token("operator.api", Role.OPERATOR);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void oneTicketComesWithTheListsFieldsItsMessagesAndItsEvents() throws Exception {
        var number = site.emailTicket("Не могу войти <b>никак</b>.");
        site.intake().work(site.intake().clock()).take(number, "operator.petrova");

        var answer = site.api(token, "/api/v1/tickets/" + number);
        JsonNode ticket = JSON.readTree(answer.body());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(ticket.fieldNames()).toIterable().startsWith("number", "status", "priority", "category", "channel",
                "createdAt", "dueAt", "overdue", "atRisk", "repeatRequest", "assignee").contains("messages", "events");
        assertThat(ticket.get("number").asText()).isEqualTo(number.toString());
        assertThat(ticket.get("status").asText()).isEqualTo("in_progress");
        assertThat(ticket.get("assignee").asText()).isEqualTo("operator.petrova");
        assertThat(ticket.get("createdAt").asText()).isEqualTo("2026-12-03T09:00:00Z");
        assertThat(ticket.get("messages").get(0).get("text").asText()).isEqualTo("Не могу войти <b>никак</b>.");
        assertThat(ticket.get("events")).extracting(e -> e.get("kind").asText())
                .containsExactly("ticket_created", "ticket_taken");
        assertThat(ticket.get("events").get(1).get("staff").asText()).isEqualTo("operator.petrova");
        assertThat(site.auditRows()).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo(AuditAction.API_READ);
            assertThat(row.staff()).isEqualTo("operator.api");
            assertThat(row.ticket()).isEqualTo(number.toString());
        });
    }

    @Test
    void anUnknownNumberIsA404InJsonAndNoTokenIs401() throws Exception {
        var unknown = site.api(token, "/api/v1/tickets/" + TicketNumber.of(26, 999_999));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).isEqualTo("not_found");
        assertThat(site.api(null, "/api/v1/tickets/" + TicketNumber.of(26, 999_999)).statusCode()).isEqualTo(401);
        assertThat(site.auditRows()).isEmpty();
    }
}
