package org.supportintake.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.supportintake.core.intake.GroupCommitSpoiledException;
import org.supportintake.core.intake.Stores;
import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.OnPostgres;
import org.supportintake.core.testing.Submissions;
import org.supportintake.core.ticket.DuplicateExternalIdException;
import org.supportintake.core.ticket.NewTicket;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.Ticket;

/** Writes held back on PostgreSQL are seen by every later statement of their transaction, and fail in the call that made them. */
class PostgresWriteBehindIT extends OnPostgres {

    private static final IntakeEvent EVENT = IntakeEvent.withoutTicket(Instant.parse("2026-12-03T07:00:00Z"),
            EventKind.MAIL_IGNORED, Channel.EMAIL, "<held@example.ru>", "held");

    @Test
    void aMessageHeldBackIsFoundByTheTransactionsNextQuery() {
        Submission submission = Submissions.form().build();
        Optional<Ticket> found = new JdbcTransactions(intake().jdbi()).inTransaction(stores -> {
            stores.messages().insertIncoming(openTicket(stores, submission).id(), submission);
            return stores.tickets().findByExternalId(submission.externalId()); // a query of Jdbi's
        });

        assertThat(found).isPresent();
        assertThat(intake().rows("message")).isEqualTo(1);
    }

    @Test
    void aJoinedCallsHeldWriteFailsInThatCallAndSpoilsTheGroup() {
        Submission submission = Submissions.form().build();
        JdbcTransactions transactions = new JdbcTransactions(intake().jdbi());
        transactions.inTransaction(stores -> {
            stores.messages().insertIncoming(openTicket(stores, submission).id(), submission);
            return null;
        });
        List<String> failedIn = new ArrayList<>();

        assertThatThrownBy(() -> transactions.inOneCommit(() -> {
            try {
                transactions.inTransaction(stores -> {
                    stores.log().append(EVENT);
                    stores.messages().insertIncoming(openTicket(stores, submission).id(), submission); // held back
                    return null;
                });
            } catch (DuplicateExternalIdException e) {
                failedIn.add("the call that stored it");
            }
            return transactions.inTransaction(stores -> null);
        })).isInstanceOf(GroupCommitSpoiledException.class);

        assertThat(failedIn).containsExactly("the call that stored it");
        assertThat(intake().rows("message")).isEqualTo(1);
        assertThat(intake().rows("intake_event")).isZero();
    }

    private static Ticket openTicket(Stores stores, Submission submission) {
        return stores.tickets().open(new NewTicket(26, submission, Priority.NORMAL, "title", "",
                IntakeFixture.REPLY_CLOCK.start(submission.receivedAt(), 3), Optional.empty()));
    }
}
