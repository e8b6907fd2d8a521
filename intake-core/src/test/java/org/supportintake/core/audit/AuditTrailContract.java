package org.supportintake.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.supportintake.core.jdbc.JdbcAuditTrail;
import org.supportintake.core.testing.IntakeFixture;

/** The audit on a real database: rows come back newest first, page by page, filtered, with contacts masked. */
public interface AuditTrailContract {

    IntakeFixture intake();

    Instant AT = Instant.parse("2026-12-03T09:15:00Z");

    default AuditTrail trail() {
        return new JdbcAuditTrail(intake().jdbi());
    }

    @Test
    default void pagesNeitherSkipNorRepeatAndComeNewestFirst() {
        AuditTrail trail = trail();
        for (int i = 0; i < 7; i++) {
            trail.record(new AuditEntry(AT.plusSeconds(i), "petrova", "10.0.0.1", AuditAction.VIEW_TICKET,
                    "26-0000001-4", "ticket page " + i));
        }
        List<String> seen = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            AuditTrail.AuditPage page = trail.find(AuditTrail.AuditFilter.any(), after, 3);
            page.entries().forEach(entry -> seen.add(entry.what()));
            after = page.next();
        } while (after.isPresent());

        assertThat(seen).containsExactly("ticket page 6", "ticket page 5", "ticket page 4", "ticket page 3",
                "ticket page 2", "ticket page 1", "ticket page 0");
    }

    @Test
    default void filtersByStaffActionTicketAndTime() {
        AuditTrail trail = trail();
        trail.record(new AuditEntry(AT, "petrova", "10.0.0.1", AuditAction.VIEW_TICKET, "26-0000001-4", ""));
        trail.record(new AuditEntry(AT.plusSeconds(60), "sidorov", "10.0.0.2", AuditAction.EXPORT_CSV, "", ""));
        trail.record(new AuditEntry(AT.plusSeconds(120), "petrova", "10.0.0.1", AuditAction.DOWNLOAD_ATTACHMENT,
                "26-0000002-2", "7"));

        assertThat(trail.find(new AuditTrail.AuditFilter(Optional.of("petrova"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), Optional.empty(), 10).entries()).hasSize(2);
        assertThat(trail.find(new AuditTrail.AuditFilter(Optional.empty(), Optional.of(AuditAction.EXPORT_CSV),
                Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 10).entries())
                .extracting(AuditEntry::staff).containsExactly("sidorov");
        assertThat(trail.find(new AuditTrail.AuditFilter(Optional.empty(), Optional.empty(), Optional.of("26-0000002-2"),
                Optional.empty(), Optional.empty()), Optional.empty(), 10).entries())
                .extracting(AuditEntry::what).containsExactly("7");
        assertThat(trail.find(new AuditTrail.AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(AT.plusSeconds(30)), Optional.of(AT.plusSeconds(90))), Optional.empty(), 10).entries())
                .extracting(AuditEntry::action).containsExactly(AuditAction.EXPORT_CSV);
    }

    @Test
    default void storesNoWholeEmailOrPhone() {
        trail().record(new AuditEntry(AT, "petrova", "10.0.0.1", AuditAction.SEARCH, "",
                "q=\"irina.volkova@example.ru\" or +7 916 555-44-33"));

        assertThat(intake().text("select what from audit_entry"))
                .isEqualTo("q=\"i***@example.ru\" or ***33");
    }
}
