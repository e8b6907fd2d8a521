package org.supportintake.core.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import org.supportintake.core.audit.AuditAction;
import org.supportintake.core.audit.AuditEntry;
import org.supportintake.core.audit.AuditText;
import org.supportintake.core.audit.AuditTrail;
import org.supportintake.core.submission.Coded;

/** {@link AuditTrail} in the {@code audit_entry} table; the cursor is the id of the last row shown. */
public final class JdbcAuditTrail implements AuditTrail {

    private final Jdbi jdbi;

    public JdbcAuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(AuditEntry entry) {
        jdbi.useHandle(h -> h.createUpdate("insert into audit_entry (at, staff, address, action, ticket, what) "
                        + "values (:at, :staff, :address, :action, :ticket, :what)")
                .bind("at", SqlValues.timestamp(entry.at()))
                .bind("staff", SqlValues.varchar(entry.staff(), 100))
                .bind("address", SqlValues.varchar(entry.address(), 64))
                .bind("action", entry.action().code())
                .bind("ticket", SqlValues.varchar(entry.ticket(), 24))
                .bind("what", SqlValues.varchar(AuditText.masked(entry.what()), 500))
                .execute());
    }

    @Override
    public AuditPage find(AuditFilter filter, Optional<String> after, int limit) {
        List<String> where = new ArrayList<>();
        filter.staff().ifPresent(s -> where.add("staff = :staff"));
        filter.action().ifPresent(a -> where.add("action = :action"));
        filter.ticket().ifPresent(t -> where.add("ticket = :ticket"));
        filter.from().ifPresent(f -> where.add("at >= :from"));
        filter.to().ifPresent(t -> where.add("at < :to"));
        Optional<Long> cursor = after.flatMap(JdbcAuditTrail::cursor);
        cursor.ifPresent(c -> where.add("id < :after"));
        String sql = "select id, at, staff, address, action, ticket, what from audit_entry"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by id desc limit :limit";
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("limit", limit + 1);
            filter.staff().ifPresent(s -> query.bind("staff", s));
            filter.action().ifPresent(a -> query.bind("action", a.code()));
            filter.ticket().ifPresent(t -> query.bind("ticket", t));
            filter.from().ifPresent(f -> query.bind("from", SqlValues.timestamp(f)));
            filter.to().ifPresent(t -> query.bind("to", SqlValues.timestamp(t)));
            cursor.ifPresent(c -> query.bind("after", c));
            List<Row> rows = query.map((row, ctx) -> new Row(row.getLong("id"), new AuditEntry(
                    SqlValues.instant(row, "at"), row.getString("staff"), row.getString("address"),
                    Coded.byCode(AuditAction.class, row.getString("action")).orElseThrow(), row.getString("ticket"),
                    row.getString("what")))).list();
            boolean more = rows.size() > limit;
            List<Row> shown = more ? rows.subList(0, limit) : rows;
            return new AuditPage(shown.stream().map(Row::entry).toList(),
                    more ? Optional.of(Long.toString(shown.get(shown.size() - 1).id())) : Optional.empty());
        });
    }

    private static Optional<Long> cursor(String text) {
        return AuditTrail.isCursor(text) ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    private record Row(long id, AuditEntry entry) {
    }
}
