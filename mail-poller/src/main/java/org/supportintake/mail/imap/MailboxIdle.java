package org.supportintake.mail.imap;

import java.time.Duration;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IMAP IDLE (RFC 2177) on its own connection, used only as a nudge: when mail arrives, the poll job
 * is triggered at once instead of at its next interval. Nothing is read or moved here. Runs on one
 * daemon thread until closed; reconnects with backoff; gives up quietly if the server lacks IDLE.
 */
public final class MailboxIdle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxIdle.class);

    private final MailboxSettings mailbox;
    private final Runnable nudge;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Store store;

    public MailboxIdle(MailboxSettings mailbox, Runnable nudge) {
        this.mailbox = mailbox;
        this.nudge = nudge;
        this.thread = new Thread(this::watch, "imap-idle-" + mailbox.label());
        this.thread.setDaemon(true);
    }

    public MailboxIdle start() {
        thread.start();
        return this;
    }

    private void watch() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
        while (running) {
            try {
                if (!idleUntilClosed()) {
                    LOG.info("mailbox {} has no IMAP IDLE; polling only", mailbox.label());
                    return;
                }
                backoff.succeeded();
            } catch (MessagingException | RuntimeException e) {
                if (running && backoff.failed(java.time.Instant.now())) {
                    LOG.warn("IDLE on {} interrupted ({}); reconnecting with backoff", mailbox.label(), e.getMessage());
                }
                sleep(backoff.currentDelay());
            } finally {
                closeStore();
            }
        }
    }

    /** Idles until the connection ends; false when the server cannot IDLE. */
    private boolean idleUntilClosed() throws MessagingException {
        Session session = Session.getInstance(mailbox.sessionProperties());
        IMAPStore imap = (IMAPStore) session.getStore(mailbox.protocol());
        store = imap;
        imap.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
        if (!imap.hasCapability("IDLE")) {
            return false;
        }
        IMAPFolder folder = (IMAPFolder) imap.getFolder(mailbox.folder());
        folder.open(Folder.READ_ONLY);
        folder.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent event) {
                nudge.run();
            }
        });
        while (running && folder.isOpen()) {
            folder.idle(true);
        }
        return true;
    }

    private void closeStore() {
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException ignored) {
            // closing a broken connection
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        closeStore();
        thread.interrupt();
    }
}
