package org.supportintake.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportintake.core.testing.Submissions.form;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.supportintake.core.intake.IntakeOutcome;
import org.supportintake.core.jdbc.JdbcOutboxQueue;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.SettableClock;

/** What sending the outbox must do on every database; implemented for H2 and PostgreSQL. */
public interface OutboxDeliveryContract {

    IntakeFixture intake();

    private OutboxDelivery delivery(RecordingTransport transport, SettableClock clock) {
        return new OutboxDelivery(new JdbcOutboxQueue(intake().jdbi()), transport, RetrySchedule.STANDARD, clock);
    }

    private String ticket(int i) {
        var outcome = intake().service().accept(form().build());
        return ((IntakeOutcome.Created) outcome).ticketNumber().toString();
    }

    private String pending(String column) {
        return intake().text("select " + column + " from outbox");
    }

    @Test
    default void sendsTheAcknowledgementOnceAndMarksItSent() {
        String number = ticket(1);
        var transport = new RecordingTransport();
        var clock = new SettableClock();

        assertThat(delivery(transport, clock).deliverDue()).isEqualTo(1);
        assertThat(delivery(transport, clock).deliverDue()).isZero();

        assertThat(transport.sent).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).contains(number);
            assertThat(mail.messageId()).isEqualTo(pending("message_id"));
        });
        assertThat(intake().instant("select sent_at from outbox")).isEqualTo(clock.instant().truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS));
        assertThat(intake().text("select count(*) from outbox where next_attempt_at is null")).isEqualTo("1");
    }

    @Test
    default void temporaryFailureWaitsForItsBackoffAndThenSends() {
        ticket(1);
        var transport = new RecordingTransport();
        var clock = new SettableClock();
        transport.mode.set(RecordingTransport.Mode.DOWN);

        assertThat(delivery(transport, clock).deliverDue()).isZero();
        assertThat(pending("last_error")).contains("Connection refused");
        transport.mode.set(RecordingTransport.Mode.ACCEPT);
        clock.advance(Duration.ofSeconds(29));
        assertThat(delivery(transport, clock).deliverDue()).as("still waiting").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(delivery(transport, clock).deliverDue()).isEqualTo(1);

        assertThat(transport.attempts).hasValue(2);
        assertThat(pending("attempts")).isEqualTo("2");
        assertThat(intake().rows("intake_event where kind = 'acknowledgement_failed'")).isZero();
    }

    @Test
    default void permanentRefusalIsAFailedRowAndAnEventOnItsTicket() {
        ticket(1);
        var transport = new RecordingTransport();
        var clock = new SettableClock();
        transport.mode.set(RecordingTransport.Mode.REFUSE);

        delivery(transport, clock).deliverDue();
        clock.advance(Duration.ofHours(2));
        delivery(transport, clock).deliverDue();

        assertThat(transport.attempts).as("never retried").hasValue(1);
        assertThat(pending("failed_at")).isNotNull();
        assertThat(pending("last_error")).isEqualTo("550 5.1.1 mailbox unavailable");
        assertThat(intake().text("select detail from intake_event where kind = 'acknowledgement_failed' "
                + "and ticket_id = (select id from ticket)")).isEqualTo("acknowledgement permanently refused by the mail server");
    }

    @Test
    default void givesUpAfterFortyEightHoursOfTemporaryFailures() {
        ticket(1);
        var transport = new RecordingTransport();
        var clock = new SettableClock();
        transport.mode.set(RecordingTransport.Mode.DOWN);
        for (int hour = 0; hour <= 49; hour++) {
            delivery(transport, clock).deliverDue();
            clock.advance(Duration.ofHours(1));
        }

        assertThat(pending("failed_at")).isNotNull();
        assertThat(intake().text("select detail from intake_event where kind = 'acknowledgement_failed'"))
                .startsWith("acknowledgement not sent within 48 hours");
        assertThat(Integer.parseInt(pending("attempts"))).isBetween(45, 50);
    }

    @Test
    default void mailServerDownStopsTheRunAndEverythingGoesOutOnceItIsBack() {
        IntStream.range(0, 10).forEach(this::ticket);
        var transport = new RecordingTransport();
        var clock = new SettableClock();
        transport.mode.set(RecordingTransport.Mode.DOWN);

        delivery(transport, clock).deliverDue();
        assertThat(transport.attempts).as("three failures in a row end the run").hasValue(3);
        transport.mode.set(RecordingTransport.Mode.ACCEPT);
        clock.advance(Duration.ofMinutes(1));
        delivery(transport, clock).deliverDue();

        assertThat(transport.sentIds()).hasSize(10).doesNotHaveDuplicates();
        assertThat(intake().rows("outbox where sent_at is null")).isZero();
    }

    @Test
    default void aMailTheServerTookWhileTheDatabaseWasAwayIsMarkedSentWhenItAnswersAndNeverSentAgain() {
        ticket(1);
        var transport = new RecordingTransport();
        var clock = new SettableClock();
        var queue = new DatabaseAwayWhenMarkingSent(new JdbcOutboxQueue(intake().jdbi()));
        var delivery = new OutboxDelivery(queue, transport, RetrySchedule.STANDARD, clock);

        delivery.deliverDue();
        assertThat(intake().rows("outbox where sent_at is null")).as("not yet told").isEqualTo(1);
        clock.advance(Duration.ofMinutes(6)); // past the first retry and the claim's lease
        delivery.deliverDue();

        assertThat(transport.sentIds()).containsExactly(pending("message_id"));
        assertThat(intake().rows("outbox where sent_at is null")).isZero();
    }

    @Test
    default void aClaimHeldByACrashedNodeIsSentAgainWithTheSameMessageIdWhenItRunsOut() {
        ticket(1);
        var clock = new SettableClock();
        var queue = new JdbcOutboxQueue(intake().jdbi());
        long id = queue.due(clock.instant(), 1).get(0);
        assertThat(queue.claim(id, clock.instant(), Duration.ofMinutes(5))).isPresent();
        var transport = new RecordingTransport();

        assertThat(delivery(transport, clock).deliverDue()).as("claimed by the crashed node").isZero();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(delivery(transport, clock).deliverDue()).isEqualTo(1);

        assertThat(transport.sentIds()).containsExactly(pending("message_id"));
    }

    @Test
    default void twoNodesSendingAtOnceSendEveryRowExactlyOnce() throws Exception {
        IntStream.range(0, 60).forEach(this::ticket);
        var transport = new RecordingTransport();
        var clock = new SettableClock();
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> runs = IntStream.range(0, 4)
                    .<Callable<Integer>>mapToObj(i -> () -> delivery(transport, clock).deliverDue()).toList();
            int total = 0;
            for (var run : nodes.invokeAll(runs)) {
                total += run.get();
            }
            assertThat(total).isEqualTo(60);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(transport.sentIds()).hasSize(60).doesNotHaveDuplicates();
    }
}
