package org.supportintake.mail.imap;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

import jakarta.mail.Message;

/**
 * The messages of one batch fetched and prepared on another thread, oldest first and a few messages ahead of the
 * taking, so that the mail server's answer, the reading of one message and the transaction of the previous one
 * overlap. Closing it waits for the work under way (the connection is free again); what was prepared and not taken
 * is left to the store's sweep. Not thread-safe: the taking thread alone calls it.
 */
final class Prefetch<T> implements AutoCloseable {

    /** Messages prepared ahead: bounded, so that a batch of large mail does not fill the heap or the staging area. */
    static final int AHEAD = 8;

    private final ExecutorService fetcher;
    private final Message[] batch;
    private final Function<Message, T> prepare;
    private final Deque<Future<T>> ahead = new ArrayDeque<>();
    private int submitted;

    Prefetch(ExecutorService fetcher, Message[] batch, Function<Message, T> prepare) {
        this.fetcher = fetcher;
        this.batch = batch.clone();
        this.prepare = prepare;
        while (submitted < Math.min(AHEAD, this.batch.length)) {
            submitNext();
        }
    }

    /** The next message, prepared, waiting for it; a failure there is thrown here as it was thrown there. */
    T next() {
        Future<T> next = ahead.poll();
        if (next == null) {
            throw new IllegalStateException("no message left in the batch");
        }
        if (submitted < batch.length) {
            submitNext();
        }
        try {
            return next.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching mail", e);
        }
    }

    @Override
    public void close() {
        for (Future<T> left : ahead) {
            left.cancel(false);
        }
        boolean interrupted = false;
        for (Future<T> left : ahead) {
            try {
                left.get();
            } catch (ExecutionException | RuntimeException notPrepared) {
                // cancelled, or failed: nothing committed refers to what it stored, the store's sweep takes it
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        ahead.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void submitNext() {
        Message message = batch[submitted++];
        ahead.add(fetcher.submit(() -> prepare.apply(message)));
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(failure);
    }
}
