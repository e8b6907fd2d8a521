package org.supportintake.mail.imap;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.attachments.store.DeferredForce;
import org.supportintake.core.intake.GroupCommitSpoiledException;
import org.supportintake.core.logging.LogSafe;
import org.supportintake.mail.FailureKind;
import org.supportintake.mail.MailIntake;
import org.supportintake.mail.MailResult;
import org.supportintake.mail.MailServerUnreachableException;
import org.supportintake.mail.RawMail;

/**
 * Polls one mailbox: takes the oldest messages, hands each to the mail path, and after the intake
 * transaction has committed moves it to {@code Processed} (or {@code Failed}, never deleted). A batch is taken in
 * one transaction, its bodies fetched ahead on one thread and read on another, and its files forced to disk before
 * the commit; when that fails, the batch goes one message at a time. A drain takes batch after batch on one open
 * inbox, the next fetched and read while the last commits and moves. One message's fault costs only that message;
 * an unreachable mail server, database or file store leaves the message in the inbox and is retried with backoff,
 * logged once with its stack trace and then one line per retry. One poll or drain at a time per mailbox
 * (synchronized; across nodes Quartz ensures it); {@link #status()} may be read from any thread.
 */
public final class MailboxPoller implements AutoCloseable {

    public static final String PROCESSED = "Processed";
    public static final String FAILED = "Failed";
    /** Polls in a row a message may fail in a way that may pass before it is set aside. */
    public static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);

    private final MailboxSettings mailbox;
    private final MailIntake intake;
    private final int batchSize;
    private final Clock clock;
    private final FolderMoves moves;
    private final Backoff backoff;
    private final Session session;
    private final RepeatedFailures repeated = new RepeatedFailures();
    private final AtomicLong setAside = new AtomicLong();
    private volatile Instant lastSuccessfulPoll;
    private volatile int consecutiveFailures;
    /** When the oldest message the last poll saw waiting arrived; null when it left the inbox empty. */
    private volatile Instant oldestWaiting;
    /** Folders seen to exist on this connection: asking the server each batch cost a LIST round trip each. */
    private final Set<String> existingFolders = new HashSet<>();
    private Store store;
    private AheadThreads threads;

    public MailboxPoller(MailboxSettings mailbox, MailIntake intake, int batchSize, Clock clock, Duration firstRetry) {
        this(mailbox, intake, batchSize, clock, firstRetry, new FolderMoves());
    }

    MailboxPoller(MailboxSettings mailbox, MailIntake intake, int batchSize, Clock clock, Duration firstRetry,
                  FolderMoves moves) {
        this.mailbox = mailbox;
        this.intake = intake;
        this.batchSize = batchSize;
        this.clock = clock;
        this.moves = moves;
        this.backoff = new Backoff(firstRetry, Duration.ofMinutes(5));
        this.session = Session.getInstance(mailbox.sessionProperties());
    }

    /**
     * Takes up to one batch of the oldest messages and returns how many left the inbox. An
     * infrastructure fault (mail server, database, file store) is not thrown: the message stays in
     * the inbox and the poller waits and tries again on a later call. Whatever else one message
     * causes costs only that message.
     */
    public synchronized int poll() {
        return drain(1);
    }

    /**
     * Takes batch after batch, as {@link #poll()} takes one, until the inbox is empty, a batch leaves some behind or
     * {@code maxBatches} were taken, on one open inbox; the next batch's bodies are fetched and read while the last
     * one commits and moves. Returns how many left the inbox, those of the batches before a fault included.
     */
    public synchronized int drain(int maxBatches) {
        if (!backoff.ready(clock.instant())) {
            return 0;
        }
        Drained drained = new Drained();
        try {
            takeBatches(maxBatches, drained);
            succeeded();
        } catch (MessagingException e) {
            unavailable(e);
        } catch (RuntimeException e) {
            if (FailureKind.of(e) != FailureKind.INFRASTRUCTURE) {
                consecutiveFailures++;
                throw e;
            }
            unavailable(e);
        }
        return drained.moved;
    }

    /** This mailbox as a monitor sees it; safe to call from any thread while a poll runs. */
    public MailboxStatus status() {
        return new MailboxStatus(mailbox.user() + "/" + mailbox.folder(), Optional.ofNullable(lastSuccessfulPoll),
                consecutiveFailures, setAside.get());
    }

    /** When the oldest message still waiting in the inbox arrived, as the last poll saw it; empty: none waits. */
    public Optional<Instant> oldestWaiting() {
        return Optional.ofNullable(oldestWaiting);
    }

    /** After each batch, so that a monitor sees a long drain at work. */
    private void succeeded() {
        lastSuccessfulPoll = clock.instant();
        consecutiveFailures = 0;
        if (backoff.succeeded()) {
            LOG.info("mailbox {} available again", mailbox.label());
        }
    }

    /** Logged once with its stack trace, then one line per retry. */
    private void unavailable(Exception e) {
        disconnect();
        consecutiveFailures++;
        if (backoff.failed(clock.instant())) {
            LOG.warn("mailbox {} unavailable; messages stay in the inbox, retrying with backoff", mailbox.label(), e);
        } else {
            LOG.warn("mailbox {} still unavailable ({} polls in a row, next try in {} s): {}", mailbox.label(),
                    consecutiveFailures, backoff.currentDelay().toSeconds(), e.toString());
        }
    }

    private void takeBatches(int maxBatches, Drained drained) throws MessagingException {
        Store connected = connected();
        // Asked before the inbox is opened, on the connection it then takes over (asked after, they need a second).
        Folder processed = existing(connected, PROCESSED);
        Folder failed = existing(connected, FAILED);
        IMAPFolder inbox = (IMAPFolder) connected.getFolder(mailbox.folder());
        inbox.open(Folder.READ_WRITE);
        InboxBatch<MailIntake.Prepared> batch = null;
        try {
            batch = InboxBatch.chosen(inbox, null, batchSize, this::ahead);
            if (batch == null) {
                oldestWaiting = null;
            }
            for (int taken = 1; batch != null; taken++) {
                boolean another = taken < maxBatches && batch.size() == batchSize;
                int moved = takeBatch(inbox, batch, another, processed, failed);
                drained.moved += moved;
                succeeded();
                InboxBatch<MailIntake.Prepared> following = batch.takeFollowing();
                batch.close();
                batch = following;
                if (!another || moved < batchSize) {
                    break;
                }
                if (batch == null) {
                    batch = InboxBatch.chosen(inbox, null, batchSize, this::ahead);
                }
            }
        } finally {
            if (batch != null) {
                batch.close();
            }
            if (inbox.isOpen()) {
                inbox.close(false);
            }
        }
    }

    /**
     * Takes one batch and moves what it took; with {@code another}, the batch after it is chosen and started once
     * this one's bodies are all on their way. Returns how many left the inbox.
     */
    private int takeBatch(IMAPFolder inbox, InboxBatch<MailIntake.Prepared> batch, boolean another, Folder processed,
                          Folder failed) throws MessagingException {
        oldestWaiting = received(batch.messages()[0]);
        Sorted sorted = new Sorted(inbox.getUIDValidity());
        boolean complete = false;
        try {
            if (!takeTogether(inbox, batch, sorted, another)) {
                for (Message message : batch.messages()) {
                    take(inbox, message, sorted, intake.take(
                            out -> writeRaw(message, out), received(message), fallbackId(inbox, message)));
                    sorted.committed();
                }
            }
            complete = true;
        } finally {
            if (!complete) {
                moveTakenBeforeTheFault(inbox, sorted, processed, failed);
            }
        }
        moves.move(inbox, sorted.done, processed);
        moves.move(inbox, sorted.setAside, failed);
        int moved = sorted.done.size() + sorted.setAside.size();
        if (moved == batch.waiting()) {
            oldestWaiting = null;
        }
        return moved;
    }

    /**
     * The whole batch in one commit (group commit): the bodies fetched ahead on one thread and kept and read on
     * another (the mail server's answers, MIME and attachments overlap the database's round trips), every file of the
     * batch forced to disk before the commit. With {@code another}, the next batch is chosen and started as soon as
     * this one's last body is on its way, so that it is fetched and read while this one commits and moves. Returns
     * false, with nothing committed and nothing sorted, when any of it failed (a message the database refused
     * included): the batch is then taken one message at a time, as a single one would be, so that one message's fault
     * costs no other message its turn.
     */
    private boolean takeTogether(IMAPFolder inbox, InboxBatch<MailIntake.Prepared> batch, Sorted sorted,
                                 boolean another) {
        if (batch.size() < 2) {
            return false;
        }
        try {
            InboxBatch.Ahead<MailIntake.Prepared> ahead = batch.started();
            intake.inOneCommit(() -> {
                for (Message message : batch.messages()) {
                    take(inbox, message, sorted, throwingWhatSpoils(intake.take(ahead.prefetch().next())));
                    if (another && ahead.prefetch().submittedAll()) {
                        startFollowing(batch);
                    }
                }
                ahead.later().force();
                return null;
            });
        } catch (Error fatal) {
            sorted.rolledBack(); // nothing of the batch committed: nothing of it may leave the inbox
            throw fatal;
        } catch (RuntimeException e) {
            sorted.rolledBack();
            batch.close(); // the connection free again, and the batch after it not taken now
            LOG.debug("mailbox {}: a batch of {} could not be taken together ({}); taking it one message at a time",
                    mailbox.label(), batch.size(), e.toString());
            return false;
        }
        sorted.committed();
        return true;
    }

    /** The bodies of {@code messages} fetched on one thread and kept and read on another, ahead of the taking. */
    private InboxBatch.Ahead<MailIntake.Prepared> ahead(Message[] messages) {
        DeferredForce later = intake.deferredForce();
        IMAPFolder inbox = (IMAPFolder) messages[0].getFolder();
        return new InboxBatch.Ahead<>(new Prefetch<>(threads().fetching(), threads().reading(), messages,
                message -> intake.stage(out -> writeRaw(message, out), later),
                (message, staged) -> intake.prepare(staged, received(message), fallbackId(inbox, message), later)),
                later);
    }

    /**
     * Best effort: a fault of the mail server here is met again, and handled, when the next batch is chosen after
     * this one has moved.
     */
    private void startFollowing(InboxBatch<MailIntake.Prepared> batch) {
        try {
            batch.startFollowing();
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("mailbox {}: the next batch is not fetched ahead: {}", mailbox.label(), e.toString());
        }
    }

    /**
     * A message whose taking threw (its database work may be half done, and on PostgreSQL the transaction is aborted)
     * spoils the batch before anything of it is logged or counted: taken again alone, it is reported once.
     */
    private static MailResult throwingWhatSpoils(MailResult result) {
        if (result instanceof MailResult.Broken broken) {
            throw new GroupCommitSpoiledException(broken.failure());
        }
        if (result instanceof MailResult.Deferred deferred) {
            throw new GroupCommitSpoiledException(deferred.failure());
        }
        return result;
    }

    private String fallbackId(IMAPFolder inbox, Message message) {
        try {
            return "imap:" + mailbox.label() + ":" + inbox.getUID(message);
        } catch (MessagingException e) {
            throw new MailServerUnreachableException(e);
        }
    }

    /**
     * Sorts one message's result; what the poller remembers of it (failure counts, the set-aside count) changes
     * only when its transaction has committed ({@link Sorted#committed()}).
     */
    private void take(IMAPFolder inbox, Message message, Sorted sorted, MailResult result) {
        long uid;
        try {
            uid = inbox.getUID(message);
        } catch (MessagingException e) {
            throw new MailServerUnreachableException(e);
        }
        String key = mailbox.label() + ":" + sorted.uidValidity + ":" + uid;
        Instant receivedAt = received(message);
        if (result instanceof MailResult.Handled) {
            sorted.done.add(message);
            sorted.afterCommit.add(() -> repeated.forget(key));
        } else if (result instanceof MailResult.SetAside aside) {
            LOG.info("message {} set aside: {}", LogSafe.of(aside.externalId()), LogSafe.of(aside.reason()));
            setAside(message, key, new Aside(receivedAt, aside.externalId(), aside.reason(), aside.raw()), sorted);
        } else if (result instanceof MailResult.Broken broken) {
            LOG.warn("message {} set aside: {}", LogSafe.of(broken.externalId()), LogSafe.of(broken.reason()),
                    broken.failure());
            setAside(message, key, new Aside(receivedAt, broken.externalId(), broken.reason(), broken.raw()), sorted);
        } else if (result instanceof MailResult.Deferred deferred) {
            deferred(message, key, receivedAt, deferred, sorted);
        }
    }

    /** A failure that may pass: the message stays for the next poll, and goes to Failed after a few. */
    private void deferred(Message message, String key, Instant receivedAt, MailResult.Deferred deferred, Sorted sorted) {
        int failures = repeated.count(key) + 1;
        if (failures == 1) {
            LOG.warn("message {} failed ({}); it stays in the inbox for the next poll", LogSafe.of(deferred.externalId()),
                    LogSafe.of(deferred.reason()), deferred.failure());
        } else {
            LOG.warn("message {} failed again ({} of {}): {}", LogSafe.of(deferred.externalId()), failures, ATTEMPTS,
                    LogSafe.of(deferred.reason()));
        }
        if (failures >= ATTEMPTS) {
            setAside(message, key, new Aside(receivedAt, deferred.externalId(),
                    "failed " + failures + " times: " + deferred.reason(), deferred.raw()), sorted);
        } else {
            sorted.afterCommit.add(() -> repeated.record(key));
        }
    }

    private void setAside(Message message, String key, Aside aside, Sorted sorted) {
        intake.recordSetAside(mailbox.label(), aside.receivedAt(), aside.externalId(), aside.reason(), aside.raw());
        sorted.setAside.add(message);
        sorted.afterCommit.add(() -> {
            repeated.forget(key);
            setAside.incrementAndGet();
        });
    }

    /** What was committed or recorded before the fault still leaves, so that it is not taken twice; best effort. */
    private void moveTakenBeforeTheFault(IMAPFolder inbox, Sorted sorted, Folder processed, Folder failed) {
        try {
            moves.move(inbox, sorted.done, processed);
            moves.move(inbox, sorted.setAside, failed);
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("mailbox {}: messages taken before the fault stay in the inbox: {}", mailbox.label(), e.toString());
        }
    }

    /** The raw message into the store; the store passes an unchecked failure of the source through untouched. */
    private static void writeRaw(Message message, OutputStream out) throws IOException {
        try {
            message.writeTo(out);
        } catch (MessagingException e) {
            throw new MailServerUnreachableException(e);
        }
    }

    private Instant received(Message message) {
        try {
            var date = message.getReceivedDate();
            return date == null ? clock.instant() : date.toInstant();
        } catch (MessagingException e) {
            throw new MailServerUnreachableException(e);
        }
    }

    /** The threads that fetch and read ahead; one pair per poller, started on first use. */
    private AheadThreads threads() {
        if (threads == null) {
            threads = AheadThreads.of(mailbox.label());
        }
        return threads;
    }

    private Folder existing(Store connected, String name) throws MessagingException {
        Folder folder = connected.getFolder(name);
        if (!existingFolders.contains(name) && !folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create folder " + name);
        }
        existingFolders.add(name);
        return folder;
    }

    private Store connected() throws MessagingException {
        if (store == null || !store.isConnected()) {
            store = session.getStore(mailbox.protocol());
            store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
        }
        return store;
    }

    private void disconnect() {
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException ignored) {
            // the connection is gone either way
        }
        store = null;
        existingFolders.clear();
    }

    @Override
    public synchronized void close() {
        disconnect();
        if (threads != null) {
            threads.shutdownNow();
            threads = null;
        }
    }

    /** What one drain has moved out of the inbox so far. */
    private static final class Drained {
        private int moved;
    }

    /** A message on its way to the failed folder, with what the quarantine records of it. */
    private record Aside(Instant receivedAt, String externalId, String reason, RawMail raw) {
    }

    /**
     * One batch sorted by where each message goes, and what the poller is to remember of the messages once their
     * transaction has committed.
     */
    private static final class Sorted {
        private final long uidValidity;
        private final List<Message> done = new ArrayList<>();
        private final List<Message> setAside = new ArrayList<>();
        private final List<Runnable> afterCommit = new ArrayList<>();

        private Sorted(long uidValidity) {
            this.uidValidity = uidValidity;
        }

        void committed() {
            afterCommit.forEach(Runnable::run);
            afterCommit.clear();
        }

        void rolledBack() {
            done.clear();
            setAside.clear();
            afterCommit.clear();
        }
    }
}
