package org.supportintake.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what is due in the outbox through the {@link MailTransport}: a temporary failure waits for its
 * {@link RetrySchedule}, a permanent refusal or the end of the retries marks the row failed with an
 * {@code acknowledgement_failed} event; nothing is dropped silently. Safe to run on several nodes and threads
 * at once: every row is claimed before it is sent. A crash after the mail server took a mail and before the row
 * is marked sent sends it again, with the same Message-ID, once the claim runs out. A row the mail server took
 * while the database could not be told is remembered and marked sent when the database answers again, never sent
 * again by this node.
 */
public final class OutboxDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final int BATCH = 20;
    /** Longer than one SMTP conversation can take with the transport's timeouts. */
    public static final Duration STANDARD_LEASE = Duration.ofMinutes(5);
    /** After this many temporary failures in a row the mail server is taken to be down until the next run. */
    private static final int FAILURES_MEANING_DOWN = 3;

    private final OutboxQueue queue;
    private final MailTransport transport;
    private final RetrySchedule retries;
    private final Clock clock;
    private final Duration lease;
    /** Rows the mail server took that the database has not yet recorded as sent, with the moment they were sent. */
    private final Map<Long, Instant> takenNotMarked = new ConcurrentHashMap<>();

    public OutboxDelivery(OutboxQueue queue, MailTransport transport, RetrySchedule retries, Clock clock) {
        this(queue, transport, retries, clock, STANDARD_LEASE);
    }

    /**
     * With a claim {@code lease} of its own: how long a row claimed by a node that died stays unsent. It must be
     * longer than one SMTP conversation, or a slow send can be claimed and sent a second time.
     */
    public OutboxDelivery(OutboxQueue queue, MailTransport transport, RetrySchedule retries, Clock clock, Duration lease) {
        this.queue = queue;
        this.transport = transport;
        this.retries = retries;
        this.clock = clock;
        this.lease = lease;
    }

    /** Sends every row due now; returns how many were handed to the mail server. */
    public int deliverDue() {
        markWhatWasTaken();
        int sent = 0;
        int failuresInARow = 0;
        for (List<Long> due = queue.due(clock.instant(), BATCH); !due.isEmpty(); due = queue.due(clock.instant(), BATCH)) {
            boolean claimedAny = false;
            for (long id : due) {
                Optional<PendingMail> mail = queue.claim(id, clock.instant(), lease);
                if (mail.isEmpty()) {
                    continue;
                }
                claimedAny = true;
                if (deliver(mail.get())) {
                    sent++;
                    failuresInARow = 0;
                } else if (++failuresInARow >= FAILURES_MEANING_DOWN) {
                    LOG.warn("outbox: {} temporary failures in a row; the rest waits for the next run", failuresInARow);
                    return sent;
                }
            }
            if (!claimedAny) {
                break;
            }
        }
        return sent;
    }

    /** True when the mail server took the mail; false when it is to be tried again. */
    private boolean deliver(PendingMail mail) {
        OutboxMessage message = mail.message();
        try {
            transport.send(message);
        } catch (UnableToSendMailException refused) {
            if (refused.isPermanent()) {
                giveUp(mail, refused.getMessage(), "permanently refused by the mail server");
                return true;
            }
            return retry(mail, refused.getMessage());
        } catch (RuntimeException unexpected) {
            LOG.error("outbox: sending {} failed unexpectedly", message.messageId(), unexpected);
            return retry(mail, unexpected.toString());
        }
        markSent(mail, clock.instant());
        LOG.info("outbox: sent {} {} (attempt {})", message.kind().code(), message.messageId(), mail.attempt());
        return true;
    }

    /** The mail server has the mail: whatever happens to the database now, it must not be sent again. */
    private void markSent(PendingMail mail, Instant at) {
        try {
            queue.sent(mail.id(), at);
        } catch (RuntimeException databaseAway) {
            takenNotMarked.put(mail.id(), at);
            LOG.warn("outbox: {} was taken by the mail server but could not be marked sent ({}); it will be marked "
                    + "when the database answers, not sent again", mail.message().messageId(), databaseAway.toString());
        }
    }

    /** Throws, as the rest of the run would, while the database is still away. */
    private void markWhatWasTaken() {
        for (Map.Entry<Long, Instant> row : takenNotMarked.entrySet()) {
            queue.sent(row.getKey(), row.getValue());
            takenNotMarked.remove(row.getKey(), row.getValue());
            LOG.info("outbox: row {} marked sent now that the database answers", row.getKey());
        }
    }

    private boolean retry(PendingMail mail, String error) {
        Instant now = clock.instant();
        Optional<Instant> next = retries.next(mail.attempt(), mail.message().createdAt(), now);
        if (next.isPresent()) {
            queue.retryAt(mail.id(), next.get(), error);
            LOG.info("outbox: {} not sent (attempt {}), next try at {}: {}", mail.message().messageId(), mail.attempt(),
                    next.get(), error);
            return false;
        }
        giveUp(mail, error, "not sent within " + retries.giveUpAfter().toHours() + " hours, "
                + mail.attempt() + " attempts");
        return false;
    }

    private void giveUp(PendingMail mail, String error, String why) {
        OutboxMessage message = mail.message();
        queue.failed(mail, clock.instant(), error, message.kind().code() + " " + why);
        LOG.warn("outbox: {} {} failed for good, {}: {}", message.kind().code(), message.messageId(), why, error);
    }
}
