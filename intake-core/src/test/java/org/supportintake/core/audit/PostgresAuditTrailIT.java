package org.supportintake.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.supportintake.core.testing.OnPostgres;

/** On PostgreSQL the audit is append-only in the database itself: its trigger refuses every change. */
class PostgresAuditTrailIT extends OnPostgres implements AuditTrailContract {

    @Test
    void refusesUpdateDeleteAndTruncate() {
        trail().record(new AuditEntry(AT, "petrova", "10.0.0.1", AuditAction.VIEW_TICKET, "26-0000001-4", ""));

        for (String change : new String[] {"update audit_entry set staff = 'nobody'", "delete from audit_entry",
                "truncate audit_entry"}) {
            assertThatThrownBy(() -> intake().jdbi().useHandle(h -> h.execute(change)))
                    .as(change).hasMessageContaining("audit_entry is append-only");
        }
        assertThat(intake().text("select staff from audit_entry")).isEqualTo("petrova");
    }
}
