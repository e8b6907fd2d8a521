package org.supportintake.core.audit;

import java.util.List;
import java.util.Optional;

/**
 * The append-only record of staff looks at personal data: rows are added, read and never changed or removed by the
 * service (PostgreSQL also refuses it with a trigger). Each {@link #record} commits on its own.
 */
public interface AuditTrail {

    void record(AuditEntry entry);

    /** Whether {@code text} can be a cursor of {@link AuditPage#next()}: decimal digits, as every store writes them. */
    static boolean isCursor(String text) {
        return text.matches("[0-9]{1,18}");
    }

    /** Newest first, {@code limit} rows after {@code after} (a cursor from an earlier page), matching {@code filter}. */
    AuditPage find(AuditFilter filter, Optional<String> after, int limit);

    /** What to show: each part empty means any. */
    record AuditFilter(Optional<String> staff, Optional<AuditAction> action, Optional<String> ticket,
                       Optional<java.time.Instant> from, Optional<java.time.Instant> to) {

        public static AuditFilter any() {
            return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
    }

    /** One page of rows, and the cursor of the next when there is one. */
    record AuditPage(List<AuditEntry> entries, Optional<String> next) {

        public AuditPage {
            entries = List.copyOf(entries);
        }
    }
}
