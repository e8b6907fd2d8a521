package org.supportintake.core.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.supportintake.core.quarantine.NewSetAside;
import org.supportintake.core.quarantine.Quarantine;
import org.supportintake.core.quarantine.SetAsideMail;
import org.supportintake.core.quarantine.SetAsideState;
import org.supportintake.core.submission.Coded;

/** {@link Quarantine} in the {@code set_aside_mail} table: on one handle (inside a transaction) or on its own. */
public final class JdbcQuarantine implements Quarantine {

    private static final String COLUMNS = "id, set_aside_at, received_at, mailbox, external_id, sender, subject, "
            + "size_bytes, raw_sha256, reason, state, replay_outcome, handled_by, handled_at";

    private final Access access;

    /** Each call its own short transaction. */
    public JdbcQuarantine(Jdbi jdbi) {
        this.access = jdbi::withHandle;
    }

    JdbcQuarantine(Handle handle) {
        this.access = new Access() {
            @Override
            public <T> T with(HandleCallback<T, RuntimeException> work) {
                return work.withHandle(handle);
            }
        };
    }

    @Override
    public long add(Instant at, NewSetAside mail) {
        return access.with(h -> h.createUpdate("insert into set_aside_mail (set_aside_at, received_at, mailbox, "
                        + "external_id, sender, subject, size_bytes, raw_sha256, reason, state) values (:at, :received, "
                        + ":mailbox, :externalId, :sender, :subject, :size, :raw, :reason, :state)")
                .bind("at", SqlValues.timestamp(at))
                .bind("received", SqlValues.timestamp(mail.receivedAt()))
                .bind("mailbox", SqlValues.varchar(mail.mailbox(), 200))
                .bind("externalId", SqlValues.id(mail.externalId()))
                .bind("sender", SqlValues.varchar(mail.sender(), 254))
                .bind("subject", SqlValues.varchar(mail.subject(), 400))
                .bind("size", mail.sizeBytes())
                .bind("raw", mail.rawSha256().isEmpty() ? null : mail.rawSha256())
                .bind("reason", SqlValues.varchar(mail.reason(), 2000))
                .bind("state", SetAsideState.WAITING.code())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Override
    public Optional<SetAsideMail> find(long id) {
        return access.with(h -> h.createQuery("select " + COLUMNS + " from set_aside_mail where id = :id")
                .bind("id", id).map((row, ctx) -> mail(row)).findOne());
    }

    @Override
    public Page page(Optional<Long> before, int limit) {
        return access.with(h -> {
            Query query = h.createQuery("select " + COLUMNS + " from set_aside_mail"
                    + (before.isPresent() ? " where id < :before" : "") + " order by id desc limit :limit")
                    .bind("limit", limit + 1);
            before.ifPresent(b -> query.bind("before", b));
            List<SetAsideMail> rows = query.map((row, ctx) -> mail(row)).list();
            boolean more = rows.size() > limit;
            List<SetAsideMail> shown = more ? rows.subList(0, limit) : rows;
            return new Page(shown, more ? Optional.of(shown.get(shown.size() - 1).id()) : Optional.empty());
        });
    }

    @Override
    public boolean noteReplay(long id, boolean replayed, String outcome, String staff, Instant at) {
        return access.with(h -> h.createUpdate("update set_aside_mail set replay_outcome = :outcome, handled_by = :staff, "
                        + "handled_at = :at" + (replayed ? ", state = :replayed" : "")
                        + " where id = :id and state <> :deleted")
                .bind("outcome", SqlValues.varchar(outcome, 500)).bind("staff", SqlValues.varchar(staff, 100))
                .bind("at", SqlValues.timestamp(at)).bind("replayed", SetAsideState.REPLAYED.code())
                .bind("deleted", SetAsideState.DELETED.code()).bind("id", id)
                .execute() == 1);
    }

    @Override
    public boolean markDeleted(long id, String staff, Instant at) {
        return access.with(h -> h.createUpdate("update set_aside_mail set state = :deleted, handled_by = :staff, "
                        + "handled_at = :at where id = :id and state <> :deleted")
                .bind("deleted", SetAsideState.DELETED.code()).bind("staff", SqlValues.varchar(staff, 100))
                .bind("at", SqlValues.timestamp(at)).bind("id", id)
                .execute() == 1);
    }

    private static SetAsideMail mail(ResultSet row) throws SQLException {
        String raw = row.getString("raw_sha256");
        NewSetAside mail = new NewSetAside(SqlValues.instant(row, "received_at"), row.getString("mailbox"),
                row.getString("external_id"), row.getString("sender"), row.getString("subject"),
                row.getLong("size_bytes"), raw == null ? "" : raw, row.getString("reason"));
        return new SetAsideMail(row.getLong("id"), SqlValues.instant(row, "set_aside_at"), mail,
                Coded.byCode(SetAsideState.class, row.getString("state")).orElseThrow(),
                nonNull(row.getString("replay_outcome")), nonNull(row.getString("handled_by")),
                Optional.ofNullable(SqlValues.instant(row, "handled_at")));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** Where a call runs: the caller's handle, or a handle of its own. */
    private interface Access {
        <T> T with(HandleCallback<T, RuntimeException> work);
    }
}
