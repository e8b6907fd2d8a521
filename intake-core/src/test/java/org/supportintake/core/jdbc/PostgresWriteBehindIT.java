package org.supportintake.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.OnPostgres;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.ticket.NewTicket;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.Ticket;

/** Writes held back on PostgreSQL are seen by every later statement of their transaction, and die with a rollback. */
class PostgresWriteBehindIT extends OnPostgres {

    private static final IntakeEvent EVENT = IntakeEvent.withoutTicket(Instant.parse("2026-12-03T07:00:00Z"),
            EventKind.MAIL_IGNORED, Channel.EMAIL, "<held@example.ru>", "held");

    @Test
    void aMessageHeldBackIsFoundByTheTransactionsNextQuery() {
        Submission submission = Submissions.form().build();
        Optional<Ticket> found = new JdbcTransactions(intake().jdbi()).inTransaction(stores -> {
            Ticket ticket = stores.tickets().open(new NewTicket(26, submission, Priority.NORMAL, "title", "",
                    IntakeFixture.REPLY_CLOCK.start(submission.receivedAt(), 3), Optional.empty()));
            stores.messages().insertIncoming(ticket.id(), submission);
            return stores.tickets().findByExternalId(submission.externalId()); // a query of Jdbi's
        });

        assertThat(found).isPresent();
        assertThat(intake().rows("message")).isEqualTo(1);
    }

    @Test
    void aHeldEventOfASavepointRolledBackIsNeverWritten() {
        JdbcTransactions transactions = new JdbcTransactions(intake().jdbi());
        transactions.inOneCommit(() -> {
            assertThatThrownBy(() -> transactions.inTransaction(stores -> {
                stores.log().append(EVENT);
                throw new IllegalStateException("this message fails");
            })).hasMessage("this message fails");
            return transactions.inTransaction(stores -> {
                stores.log().append(IntakeEvent.withoutTicket(EVENT.occurredAt(), EventKind.MAIL_IGNORED, Channel.EMAIL,
                        "<kept@example.ru>", "kept"));
                return null;
            });
        });

        List<String> written = intake().jdbi().withHandle(h -> h.createQuery("select external_id from intake_event")
                .mapTo(String.class).list());
        assertThat(written).containsExactly("<kept@example.ru>");
    }
}
