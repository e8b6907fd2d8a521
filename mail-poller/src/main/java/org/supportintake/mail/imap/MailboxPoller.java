package org.supportintake.mail.imap;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportintake.mail.MailIntake;
import org.supportintake.mail.MailResult;

/**
 * Polls one mailbox: takes the oldest messages, hands each to the mail path, and after the intake
 * transaction has committed moves it to {@code Processed} (or {@code Failed}, never deleted). A lost
 * connection is retried with backoff and logged once. One poll at a time per mailbox (synchronized;
 * across nodes Quartz ensures it).
 */
public final class MailboxPoller implements AutoCloseable {

    public static final String PROCESSED = "Processed";
    public static final String FAILED = "Failed";
    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);
    /** Fetched for the whole batch in one command; bodies are fetched one message at a time. */
    private static final FetchProfile UID_AND_DATE = new FetchProfile();

    static {
        UID_AND_DATE.add(UIDFolder.FetchProfileItem.UID);
        UID_AND_DATE.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
    }

    private final MailboxSettings mailbox;
    private final MailIntake intake;
    private final int batchSize;
    private final Clock clock;
    private final FolderMoves moves;
    private final Backoff backoff;
    private final Session session;
    private Store store;

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
     * Takes up to one batch of the oldest messages and returns how many were taken. A mail server
     * problem is not thrown: the poller waits and tries again on a later call.
     */
    public synchronized int poll() {
        if (!backoff.ready(clock.instant())) {
            return 0;
        }
        try {
            int taken = takeBatch();
            if (backoff.succeeded()) {
                LOG.info("mailbox {} reachable again", mailbox.label());
            }
            return taken;
        } catch (MessagingException | MailServerUnreachable e) {
            return unreachable(e);
        }
    }

    private int unreachable(Exception e) {
        disconnect();
        if (backoff.failed(clock.instant())) {
            LOG.warn("mailbox {} unreachable ({}); retrying with backoff", mailbox.label(), e.getMessage());
        }
        return 0;
    }

    private int takeBatch() throws MessagingException {
        IMAPFolder inbox = (IMAPFolder) connected().getFolder(mailbox.folder());
        inbox.open(Folder.READ_WRITE);
        try {
            int count = Math.min(inbox.getMessageCount(), batchSize);
            if (count == 0) {
                return 0;
            }
            Folder processed = existing(PROCESSED);
            Folder failed = existing(FAILED);
            Message[] batch = inbox.getMessages(1, count);
            inbox.fetch(batch, UID_AND_DATE);
            List<Message> done = new ArrayList<>();
            List<Message> setAside = new ArrayList<>();
            for (Message message : batch) {
                MailResult result = intake.take(out -> writeRaw(message, out), received(message), fallbackId(inbox, message));
                if (result instanceof MailResult.SetAside aside) {
                    setAside.add(message);
                    intake.recordSetAside(aside);
                } else {
                    done.add(message);
                }
            }
            moves.move(inbox, done, processed);
            moves.move(inbox, setAside, failed);
            return count;
        } finally {
            if (inbox.isOpen()) {
                inbox.close(false);
            }
        }
    }

    /** The raw message into the store; the store passes an unchecked failure of the source through untouched. */
    private static void writeRaw(Message message, OutputStream out) throws IOException {
        try {
            message.writeTo(out);
        } catch (MessagingException e) {
            throw new MailServerUnreachable(e);
        }
    }

    private Instant received(Message message) throws MessagingException {
        var date = message.getReceivedDate();
        return date == null ? clock.instant() : date.toInstant();
    }

    private String fallbackId(IMAPFolder inbox, Message message) throws MessagingException {
        return "imap:" + mailbox.label() + ":" + inbox.getUID(message);
    }

    private Folder existing(String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create folder " + name);
        }
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
    }

    @Override
    public synchronized void close() {
        disconnect();
    }

    /** A message body that could not be fetched: the mail server, not the message, is at fault. */
    static final class MailServerUnreachable extends RuntimeException {
        MailServerUnreachable(MessagingException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
