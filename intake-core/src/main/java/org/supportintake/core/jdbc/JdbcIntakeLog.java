package org.supportintake.core.jdbc;

import org.jdbi.v3.core.Handle;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.log.IntakeLog;

/** {@link IntakeLog} on one Jdbi handle. */
final class JdbcIntakeLog implements IntakeLog {

    private final Handle handle;

    JdbcIntakeLog(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void append(IntakeEvent event) {
        handle.createUpdate("insert into intake_event (occurred_at, kind, channel, external_id, ticket_id, staff, "
                        + "detail) values (:at, :kind, :channel, :externalId, :ticketId, :staff, :detail)")
                .bind("at", SqlValues.timestamp(event.occurredAt()))
                .bind("kind", event.kind().code())
                .bind("channel", event.channel().code())
                .bind("externalId", SqlValues.id(event.externalId()))
                .bind("ticketId", SqlValues.orNull(event.ticketId()))
                .bind("staff", event.staff().isEmpty() ? null : SqlValues.varchar(event.staff(), 100))
                .bind("detail", SqlValues.varchar(event.detail(), 2000))
                .execute();
    }
}
