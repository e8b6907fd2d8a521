package org.supportintake.core.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.supportintake.core.log.IntakeLogReader;

/** {@link IntakeLogReader} on {@code intake_event}, keyset-paged by id (the order events were appended in). */
public final class JdbcIntakeLogReader implements IntakeLogReader {

    private final Jdbi jdbi;

    public JdbcIntakeLogReader(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Page find(Filter filter, Optional<Long> before, int limit) {
        List<String> where = new ArrayList<>();
        filter.kind().ifPresent(k -> where.add("e.kind = :kind"));
        filter.channel().ifPresent(c -> where.add("e.channel = :channel"));
        filter.from().ifPresent(f -> where.add("e.occurred_at >= :from"));
        filter.to().ifPresent(t -> where.add("e.occurred_at < :to"));
        before.ifPresent(b -> where.add("e.id < :before"));
        String sql = "select e.id, e.occurred_at, e.kind, e.channel, t.number, e.staff, e.detail from intake_event e "
                + "left join ticket t on t.id = e.ticket_id"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by e.id desc limit :limit";
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("limit", limit + 1);
            filter.kind().ifPresent(k -> query.bind("kind", k.code()));
            filter.channel().ifPresent(c -> query.bind("channel", c.code()));
            filter.from().ifPresent(f -> query.bind("from", SqlValues.timestamp(f)));
            filter.to().ifPresent(t -> query.bind("to", SqlValues.timestamp(t)));
            before.ifPresent(b -> query.bind("before", b));
            List<Entry> rows = query.map((row, ctx) -> new Entry(row.getLong("id"), SqlValues.instant(row, "occurred_at"),
                    row.getString("kind"), empty(row.getString("channel")), empty(row.getString("number")),
                    empty(row.getString("staff")), empty(row.getString("detail")))).list();
            boolean more = rows.size() > limit;
            List<Entry> shown = more ? rows.subList(0, limit) : rows;
            return new Page(shown, more ? Optional.of(shown.get(shown.size() - 1).id()) : Optional.empty());
        });
    }

    private static String empty(String value) {
        return value == null ? "" : value;
    }
}
