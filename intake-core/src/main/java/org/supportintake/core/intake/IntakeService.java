package org.supportintake.core.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.outbox.OutboxNudge;
import org.supportintake.core.quarantine.NewSetAside;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.EmailFacts;
import org.supportintake.core.submission.Submission;
import org.supportintake.core.ticket.DuplicateExternalIdException;

/**
 * Takes in one submission from either channel in ONE transaction (DESIGN.md, "One path for every
 * message"), and records mail that makes no ticket. Nothing is sent and no mailbox is touched here.
 * Thread-safe.
 */
public final class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

    private final Transactions transactions;
    private final IntakePipeline pipeline;
    private final Clock clock;
    private final OutboxNudge nudge;
    private final IntakeObserver observer;
    /** Within {@link #inOneCommit}: what to log and tell once the batch commits (nothing, if it does not). */
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    public IntakeService(Transactions transactions, IntakePipeline pipeline, Clock clock) {
        this(transactions, pipeline, clock, OutboxNudge.NONE);
    }

    /** {@code nudge} is told after every accepted submission, which may have written an acknowledgement. */
    public IntakeService(Transactions transactions, IntakePipeline pipeline, Clock clock, OutboxNudge nudge) {
        this(transactions, pipeline, clock, nudge, IntakeObserver.NONE);
    }

    /** {@code observer} is told of every submission's channel and outcome once it is committed. */
    public IntakeService(Transactions transactions, IntakePipeline pipeline, Clock clock, OutboxNudge nudge,
                         IntakeObserver observer) {
        this.transactions = transactions;
        this.pipeline = pipeline;
        this.clock = clock;
        this.nudge = nudge;
        this.observer = observer;
    }

    public IntakeOutcome accept(Submission submission) {
        IntakeOutcome outcome = once(submission, stores -> pipeline.run(new IntakeContext(submission, stores)));
        nudge.outboxWritten();
        return taken(submission.channel(), outcome);
    }

    /**
     * Group commit (a batch of mail): every call {@code work} makes here commits once, together, when it returns;
     * one that throws leaves no trace and the others go on; when {@code work} throws, none is committed.
     */
    public <T> T inOneCommit(Supplier<T> work) {
        if (afterCommit.get() != null) {
            return transactions.inOneCommit(work); // joined: the outermost call reports
        }
        List<Runnable> reports = new ArrayList<>();
        afterCommit.set(reports);
        T result;
        try {
            result = transactions.inOneCommit(work);
        } finally {
            afterCommit.remove();
        }
        reports.forEach(Runnable::run);
        nudge.outboxWritten(); // the acknowledgements written inside are visible only now
        return result;
    }

    /** Records an auto-reply, mailing-list or own mail: no ticket, no acknowledgement. */
    public IntakeOutcome ignore(Submission mail, String classification) {
        return taken(mail.channel(), once(mail, stores -> DropDuplicate.earlierOutcome(stores, mail).orElseGet(() -> {
            stores.receipts().add(mail.externalId(), mail.channel(), classification, mail.receivedAt(), rawSha256(mail));
            stores.log().append(IntakeEvent.withoutTicket(clock.instant(), EventKind.MAIL_IGNORED, mail.channel(),
                    mail.externalId(), classification));
            return new IntakeOutcome.Ignored(classification);
        })));
    }

    /** Records a bounce; when it is of one of our mails, on that mail's ticket as "acknowledgement undeliverable". */
    public IntakeOutcome recordBounce(Submission bounce, List<String> bouncedMessageIds) {
        return taken(bounce.channel(), once(bounce, stores -> DropDuplicate.earlierOutcome(stores, bounce).orElseGet(() -> {
            stores.receipts().add(bounce.externalId(), bounce.channel(), "bounce", bounce.receivedAt(), rawSha256(bounce));
            IntakeEvent event = stores.tickets().findByMessageIds(bouncedMessageIds)
                    .map(ticket -> IntakeEvent.onTicket(clock.instant(), EventKind.ACKNOWLEDGEMENT_UNDELIVERABLE,
                            bounce.channel(), bounce.externalId(), ticket.id(), "bounce"))
                    .orElseGet(() -> IntakeEvent.withoutTicket(clock.instant(), EventKind.MAIL_IGNORED,
                            bounce.channel(), bounce.externalId(), "bounce of an unknown message"));
            stores.log().append(event);
            return new IntakeOutcome.Ignored("bounce");
        })));
    }

    /** Records that a message could not be processed and was set aside; {@code reason} in English, no personal data. */
    public void recordFailure(Channel channel, String externalId, String reason) {
        transactions.inTransaction(stores -> {
            stores.log().append(IntakeEvent.withoutTicket(clock.instant(), EventKind.MAIL_FAILED, channel, externalId,
                    reason.length() > 1900 ? reason.substring(0, 1900) : reason));
            return null;
        });
    }

    /**
     * Records in one transaction that a mail was set aside: its {@code mail_failed} event (the reason, in English) and
     * its row in the quarantine, from where staff may replay or delete it. Returns the row's id.
     */
    public long recordSetAside(NewSetAside mail) {
        long id = transactions.inTransaction(stores -> {
            stores.log().append(IntakeEvent.withoutTicket(clock.instant(), EventKind.MAIL_FAILED, Channel.EMAIL,
                    mail.externalId(), mail.reason().length() > 1900 ? mail.reason().substring(0, 1900) : mail.reason()));
            return stores.quarantine().add(clock.instant(), mail);
        });
        reportOnCommit(() -> observer.taken(Channel.EMAIL, "set_aside"));
        return id;
    }

    /** One line per submission (ticket number, channel, outcome; nothing personal), and the observer told. */
    private IntakeOutcome taken(Channel channel, IntakeOutcome outcome) {
        reportOnCommit(() -> {
            if (outcome instanceof IntakeOutcome.OnTicket onTicket) {
                LOG.info("intake channel={} outcome={} ticket={}", channel.code(), outcome.code(), onTicket.ticketNumber());
            } else {
                LOG.info("intake channel={} outcome={}", channel.code(), outcome.code());
            }
            observer.taken(channel, outcome.code());
        });
        return outcome;
    }

    /** Now, or after the batch's commit when inside {@link #inOneCommit}. */
    private void reportOnCommit(Runnable report) {
        List<Runnable> pending = afterCommit.get();
        if (pending == null) {
            report.run();
        } else {
            pending.add(report);
        }
    }

    private static String rawSha256(Submission mail) {
        return mail.emailFacts().map(EmailFacts::rawSha256).orElse("");
    }

    /** Runs {@code work} in one transaction; when another node stored the same external id first, reports that instead. */
    private IntakeOutcome once(Submission submission, Function<Stores, IntakeOutcome> work) {
        try {
            return transactions.inTransaction(work);
        } catch (DuplicateExternalIdException raced) {
            return transactions.inTransaction(stores -> DropDuplicate.earlierOutcome(stores, submission)
                    .orElseThrow(() -> raced));
        }
    }
}
