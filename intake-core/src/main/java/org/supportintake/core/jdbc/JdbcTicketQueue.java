package org.supportintake.core.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import org.supportintake.core.queue.QueueCursor;
import org.supportintake.core.queue.QueueFilter;
import org.supportintake.core.queue.QueuePage;
import org.supportintake.core.queue.QueueRow;
import org.supportintake.core.queue.QueueSearch;
import org.supportintake.core.queue.TicketQueue;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Coded;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.ticket.TicketStatus;

/**
 * {@link TicketQueue} over {@code ticket}: one statement per page, ordered by {@code (due_at, id)} and continued
 * after the cursor's pair, so every filter reads only as far as its page (indexes in V10 and V10_1). Words are
 * searched with PostgreSQL's full-text search in the Russian configuration, on H2 with a plain case-insensitive match.
 */
public final class JdbcTicketQueue implements TicketQueue {

    private static final String COLUMNS = "t.id, t.number, t.created_at, t.channel, t.category, t.priority, t.status, "
            + "t.assignee, t.due_at, t.overdue, t.at_risk, t.repeat_request, t.ack_failed";
    /** The expression of the GIN index {@code message_words_idx}: the condition must repeat it exactly. */
    private static final String WORDS_VECTOR = "to_tsvector('russian', m.subject || ' ' || m.body)";

    private final Jdbi jdbi;
    private volatile Boolean postgres;

    public JdbcTicketQueue(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public QueuePage find(QueueFilter filter, Optional<QueueCursor> after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        return jdbi.withHandle(h -> {
            Statement statement = statement(filter, after, isPostgres(h));
            Query query = h.createQuery("select " + COLUMNS + " from ticket t"
                    + (statement.where().isEmpty() ? "" : " where " + String.join(" and ", statement.where()))
                    + " order by t.due_at, t.id limit " + (size + 1));
            statement.values().forEach((name, value) -> {
                if (value instanceof Argument argument) {
                    query.bind(name, argument);
                } else {
                    query.bind(name, value);
                }
            });
            List<Found> rows = query.map((row, ctx) -> new Found(row.getLong("id"), new QueueRow(
                    TicketNumber.parse(row.getString("number")).orElseThrow(),
                    SqlValues.instant(row, "created_at"),
                    Coded.byCode(Channel.class, row.getString("channel")).orElseThrow(),
                    row.getString("category"),
                    Coded.byCode(Priority.class, row.getString("priority")).orElseThrow(),
                    Coded.byCode(TicketStatus.class, row.getString("status")).orElseThrow(),
                    Optional.ofNullable(row.getString("assignee")),
                    SqlValues.instant(row, "due_at"),
                    row.getBoolean("overdue"), row.getBoolean("at_risk"), row.getBoolean("repeat_request"),
                    row.getBoolean("ack_failed")))).list();
            boolean more = rows.size() > size;
            List<Found> shown = more ? rows.subList(0, size) : rows;
            Optional<QueueCursor> next = more
                    ? Optional.of(new QueueCursor(shown.get(size - 1).row().dueAt(), shown.get(size - 1).id()))
                    : Optional.empty();
            return new QueuePage(shown.stream().map(Found::row).toList(), next);
        });
    }

    /** The conditions and their values; every value is bound, never written into the statement. */
    private static Statement statement(QueueFilter filter, Optional<QueueCursor> after, boolean postgres) {
        List<String> where = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Set<TicketStatus> statuses = filter.statuses();
        if (statuses.size() == 1) {
            where.add("t.status = :status");
            values.put("status", statuses.iterator().next().code());
        } else if (!statuses.isEmpty()) {
            // Written out, not bound as a list, so PostgreSQL matches the partial index of the open tickets (V10_1).
            where.add("t.status in (" + statuses.stream().sorted().map(s -> "'" + s.code() + "'")
                    .collect(Collectors.joining(", ")) + ")");
        }
        filter.category().ifPresent(c -> {
            where.add("t.category = :category");
            values.put("category", c.code());
        });
        filter.priority().ifPresent(p -> {
            where.add("t.priority = :priority");
            values.put("priority", p.code());
        });
        filter.channel().ifPresent(c -> {
            where.add("t.channel = :channel");
            values.put("channel", c.code());
        });
        filter.flag().ifPresent(f -> where.add(switch (f) {
            // Plain column tests, as the partial indexes are declared (V10_1).
            case OVERDUE -> "t.overdue";
            case AT_RISK -> "t.at_risk";
            case REPEAT_REQUEST -> "t.repeat_request";
            case ACK_FAILED -> "t.ack_failed";
        }));
        filter.assignee().ifPresent(a -> {
            where.add("t.assignee = :assignee");
            values.put("assignee", a);
        });
        filter.from().ifPresent(f -> {
            where.add("t.created_at >= :from");
            values.put("from", SqlValues.timestamp(f));
        });
        filter.to().ifPresent(t -> {
            where.add("t.created_at < :to");
            values.put("to", SqlValues.timestamp(t));
        });
        filter.search().ifPresent(search -> search(search, postgres, where, values));
        after.ifPresent(cursor -> {
            where.add("(t.due_at, t.id) > (:afterDue, :afterId)");
            values.put("afterDue", SqlValues.timestamp(cursor.dueAt()));
            values.put("afterId", cursor.id());
        });
        return new Statement(where, values);
    }

    private static void search(QueueSearch search, boolean postgres, List<String> where, Map<String, Object> values) {
        if (search instanceof QueueSearch.ByNumber number) {
            where.add("t.number = :number");
            values.put("number", number.number().toString());
        } else if (search instanceof QueueSearch.ByEmail email) {
            where.add("lower(t.requester_email) = :email");
            values.put("email", email.email());
        } else if (search instanceof QueueSearch.ByPhone phone) {
            where.add("t.requester_phone = :phone");
            values.put("phone", phone.e164());
        } else if (search instanceof QueueSearch.ByWords words) {
            if (postgres) {
                where.add("t.id in (select m.ticket_id from message m where " + WORDS_VECTOR
                        + " @@ plainto_tsquery('russian', :words))");
                values.put("words", words.text());
            } else {
                List<String> each = new ArrayList<>();
                for (int i = 0; i < words.words().size(); i++) {
                    each.add("lower(m.subject || ' ' || m.body) like :word" + i + " escape '!'");
                    values.put("word" + i, "%" + likeEscaped(words.words().get(i).toLowerCase(Locale.ROOT)) + "%");
                }
                where.add("exists (select 1 from message m where m.ticket_id = t.id and " + String.join(" and ", each)
                        + ")");
            }
        }
    }

    private static String likeEscaped(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private boolean isPostgres(Handle handle) {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = handle.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                        .contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell which database this is", e);
            }
            postgres = known;
        }
        return known;
    }

    private record Statement(List<String> where, Map<String, Object> values) {
    }

    private record Found(long id, QueueRow row) {
    }
}
