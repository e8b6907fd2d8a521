package org.supportintake.core.jdbc;

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

    @Override
    public void append(IntakeEvent event) {
        writes.write(APPEND, null,
                event.occurredAt(),
                event.kind().code(),
                event.channel().code(),
                SqlValues.id(event.externalId()),
                SqlValues.orNull(event.ticketId()),
                event.staff().isEmpty() ? null : SqlValues.varchar(event.staff(), 100),
                SqlValues.varchar(event.detail(), 2000));
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
