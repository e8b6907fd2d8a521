package org.supportintake.mail.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.supportintake.attachments.store.DeferredForce;

/**
 * Up to a batch of the oldest messages in the open inbox, their bodies fetched and read ahead once started; and the
 * batch after it, once that is chosen and started too, so that it is fetched and read while this one commits and
 * moves. Not thread-safe: the polling thread alone uses it.
 */
final class InboxBatch<T> implements AutoCloseable {

    /** Fetched for the whole batch in one command; bodies are fetched one message at a time. */
    private static final FetchProfile UID_AND_DATE = new FetchProfile();

    static {
        UID_AND_DATE.add(UIDFolder.FetchProfileItem.UID);
        UID_AND_DATE.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
    }

    private final IMAPFolder inbox;
    private final Message[] messages;
    private final int waiting;
    private final Function<Message[], Ahead<T>> start;
    private Ahead<T> ahead;
    private InboxBatch<T> following;

    /** The bodies of a batch on their way, and the force to disk that the files they keep wait for. */
    record Ahead<T>(Prefetch<?, T> prefetch, DeferredForce later) {
    }

    private InboxBatch(IMAPFolder inbox, Message[] messages, int waiting, Function<Message[], Ahead<T>> start) {
        this.inbox = inbox;
        this.messages = messages;
        this.waiting = waiting;
        this.start = start;
    }

    /**
     * Up to {@code size} of the oldest messages still in the inbox after {@code after}'s last (from the first when
     * null), their UIDs and arrival dates fetched in one command; null when none is left. {@code start} starts
     * preparing them ahead. While the inbox stays open, Angus Mail keeps a moved message's number, marked expunged.
     */
    static <T> InboxBatch<T> chosen(IMAPFolder inbox, InboxBatch<T> after, int size,
                                    Function<Message[], Ahead<T>> start) throws MessagingException {
        int total = inbox.getMessageCount();
        int from = after == null ? 1 : after.messages[after.messages.length - 1].getMessageNumber() + 1;
        List<Message> chosen = new ArrayList<>(size);
        int gone = 0;
        for (int number = from; number <= total && chosen.size() < size; number++) {
            Message message = inbox.getMessage(number);
            if (message.isExpunged()) {
                gone++;
            } else {
                chosen.add(message);
            }
        }
        if (chosen.isEmpty()) {
            return null;
        }
        Message[] messages = chosen.toArray(new Message[0]);
        inbox.fetch(messages, UID_AND_DATE);
        return new InboxBatch<>(inbox, messages, total - from + 1 - gone, start);
    }

    /** The batch's messages, oldest first. */
    Message[] messages() {
        return messages.clone();
    }

    int size() {
        return messages.length;
    }

    /** How many messages waited in the inbox, from this batch's first on, when it was chosen. */
    int waiting() {
        return waiting;
    }

    /** The bodies on their way, started on the first call. */
    Ahead<T> started() {
        if (ahead == null) {
            ahead = start.apply(messages);
        }
        return ahead;
    }

    /** The batch after this one chosen and started, once. */
    void startFollowing() throws MessagingException {
        if (following == null) {
            following = chosen(inbox, this, messages.length, start);
            if (following != null) {
                following.started();
            }
        }
    }

    /** The batch after this one, started, handed over; null when it was not chosen. */
    InboxBatch<T> takeFollowing() {
        InboxBatch<T> next = following;
        following = null;
        return next;
    }

    /**
     * Waits for the work under way and skips the rest, of this batch and of the one after it (what they prepared and
     * nothing took is left to the store's sweep); the connection is free again.
     */
    @Override
    public void close() {
        if (ahead != null) {
            ahead.prefetch().close();
            ahead = null;
        }
        if (following != null) {
            following.close();
            following = null;
        }
    }
}
