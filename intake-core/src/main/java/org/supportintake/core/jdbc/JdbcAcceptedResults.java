package org.supportintake.core.jdbc;

import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

/**
 * The result pages of form posts in {@code accepted_result}, so that the redirect after a post may land on any node.
 * Rows past their time are deleted as new ones are kept. Thread-safe.
 */
public final class JdbcAcceptedResults {

    /** What the page shows: its heading, the ticket's number as written, when the reply is due, the confirmation. */
    public record Kept(String heading, String ticketNumber, Instant dueAt, String confirmation) {
    }

    private final Jdbi jdbi;

    public JdbcAcceptedResults(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Keeps {@code result} under {@code id} until {@code until}; deletes what is past its time at {@code now}. */
    public void keep(String id, Kept result, Instant now, Instant until) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from accepted_result where keep_until <= :now")
                    .bind("now", SqlValues.timestamp(now)).execute();
            h.createUpdate("insert into accepted_result (id, heading, ticket_number, due_at, confirmation, keep_until) "
                            + "values (:id, :heading, :number, :due, :confirmation, :until)")
                    .bind("id", id).bind("heading", result.heading()).bind("number", result.ticketNumber())
                    .bind("due", SqlValues.timestamp(result.dueAt()))
                    .bind("confirmation", SqlValues.varchar(result.confirmation(), 2000))
                    .bind("until", SqlValues.timestamp(until)).execute();
        });
    }

    /** The result kept under {@code id}, unless its time is past at {@code now} or there never was one. */
    public Optional<Kept> find(String id, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("select heading, ticket_number, due_at, confirmation "
                        + "from accepted_result where id = :id and keep_until > :now")
                .bind("id", id).bind("now", SqlValues.timestamp(now))
                .map((row, context) -> new Kept(row.getString("heading"), row.getString("ticket_number"),
                        SqlValues.instant(row, "due_at"), row.getString("confirmation")))
                .findOne());
    }
}
