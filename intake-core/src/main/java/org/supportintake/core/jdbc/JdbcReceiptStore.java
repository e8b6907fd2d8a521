package org.supportintake.core.jdbc;

import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.supportintake.core.intake.ReceiptStore;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.ticket.DuplicateExternalIdException;

/** {@link ReceiptStore} on one Jdbi handle. */
final class JdbcReceiptStore implements ReceiptStore {

    private final Handle handle;
    private final WriteBehind writes;

    JdbcReceiptStore(WriteBehind writes) {
        this.handle = writes.handle();
        this.writes = writes;
    }

    @Override
    public Optional<String> outcomeOf(String externalId) {
        return handle.createQuery("select outcome from receipt where external_id = :id")
                .bind("id", SqlValues.id(externalId)).mapTo(String.class).findOne();
    }

    private static final String EARLIER = "select " + JdbcTicketStore.COLUMNS + ", r.outcome from (select 1 as one) o "
            + "left join message m on m.external_id = ? left join ticket t on t.id = m.ticket_id "
            + "left join receipt r on r.external_id = ?";

    @Override
    public Earlier earlier(String externalId) {
        // one row always: the ticket's columns are null when no message has the id, the outcome when no receipt has it
        String id = SqlValues.id(externalId);
        return new PreparedSql(writes, EARLIER).first(row -> new Earlier(
                row.getObject("id") == null ? Optional.empty() : Optional.of(JdbcTicketStore.ticket(row)),
                Optional.ofNullable(row.getString("outcome"))), id, id).orElseThrow();
    }

    @Override
    public void add(String externalId, Channel channel, String outcome, Instant receivedAt, String rawSha256) {
        try {
            handle.createUpdate("insert into receipt (external_id, channel, outcome, received_at, raw_sha256) "
                            + "values (:id, :channel, :outcome, :at, :raw)")
                    .bind("id", SqlValues.id(externalId)).bind("channel", channel.code())
                    .bind("outcome", SqlValues.varchar(outcome, 40)).bind("raw", SqlValues.varchar(rawSha256, 64))
                    .bind("at", SqlValues.timestamp(receivedAt)).execute();
        } catch (UnableToExecuteStatementException e) {
            if (SqlValues.isUniqueViolation(e)) {
                throw new DuplicateExternalIdException(externalId, e);
            }
            throw e;
        }
    }
}
