package org.supportintake.core.jdbc;

import java.util.Arrays;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.log.IntakeLog;

/** {@link IntakeLog} on one Jdbi handle. */
final class JdbcIntakeLog implements IntakeLog {

    private final Handle handle;
    private final WriteBehind writes;

    /** Each event written at once. */
    JdbcIntakeLog(Handle handle) {
        this(new WriteBehind(handle, false));
    }

    /** Each event written with {@code writes}: nothing reads it back in the transaction that appends it. */
    JdbcIntakeLog(WriteBehind writes) {
        this.handle = writes.handle();
        this.writes = writes;
    }

    private static final String INSERT = "insert into intake_event (occurred_at, kind, channel, external_id, ticket_id, "
            + "staff, detail) values (:at, :kind, :channel, :externalId, :ticketId, :staff, :detail)";

    /** {@link #INSERT} by position, for {@link PreparedSql}: one event is appended by every accept. */
    private static final String APPEND = "insert into intake_event (occurred_at, kind, channel, external_id, ticket_id, "
            + "staff, detail) values (?, ?, ?, ?, ?, ?, ?)";

    /**
     * {@link #APPEND} as a select, for an event to be written only when the outbox has no mail of that Message-ID; the
     * casts give the parameters of a select their columns' types, which PostgreSQL would otherwise take for text.
     */
    private static final String APPEND_UNLESS_MAIL = "insert into intake_event (occurred_at, kind, channel, external_id, "
            + "ticket_id, staff, detail) select cast(? as timestamp with time zone), cast(? as varchar(40)), "
            + "cast(? as varchar(10)), cast(? as varchar(998)), cast(? as bigint), cast(? as varchar(100)), "
            + "cast(? as varchar(2000)) where not exists (select 1 from outbox where message_id = cast(? as varchar(998)))";

    @Override
    public void append(IntakeEvent event) {
        writes.write(APPEND, null, values(event));
    }

    /** Appends {@code event} unless the outbox has a mail with {@code messageId}: the one the event is about was not written. */
    void appendUnlessMail(IntakeEvent event, String messageId) {
        Object[] values = Arrays.copyOf(values(event), 8);
        values[7] = messageId;
        writes.write(APPEND_UNLESS_MAIL, null, values);
    }

    private static Object[] values(IntakeEvent event) {
        return new Object[] {
                event.occurredAt(),
                event.kind().code(),
                event.channel().code(),
                SqlValues.id(event.externalId()),
                SqlValues.orNull(event.ticketId()),
                event.staff().isEmpty() ? null : SqlValues.varchar(event.staff(), 100),
                SqlValues.varchar(event.detail(), 2000)};
    }

    /** Many events in one batched statement (the reply clock's sweeps). */
    void appendAll(List<IntakeEvent> events) {
        if (!events.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            events.forEach(event -> bind(batch, event).add());
            batch.execute();
        }
    }

    private static <T extends SqlStatement<T>> T bind(T statement, IntakeEvent event) {
        return statement.bind("at", SqlValues.timestamp(event.occurredAt()))
                .bind("kind", event.kind().code())
                .bind("channel", event.channel().code())
                .bind("externalId", SqlValues.id(event.externalId()))
                .bind("ticketId", SqlValues.orNull(event.ticketId()))
                .bind("staff", event.staff().isEmpty() ? null : SqlValues.varchar(event.staff(), 100))
                .bind("detail", SqlValues.varchar(event.detail(), 2000));
    }
}
