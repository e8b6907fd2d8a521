package org.supportintake.mail.imap;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.mail.Message;

/**
 * The messages of one batch fetched on one thread and read on another, oldest first and a few messages ahead of the
 * taking, so that the mail server's answer, the reading of the message before and the transaction of the one before
 * that overlap, on both cores. Closing it skips what has not started and waits for the work under way (the
 * connection is free again); what was prepared and not taken is left to the store's sweep. Not thread-safe: the
 * taking thread alone calls it.
 */
final class Prefetch<S, T> implements AutoCloseable {

    /** Messages prepared ahead: bounded, so that a batch of large mail does not fill the heap or the staging area. */
    static final int AHEAD = 8;

    private final Executor fetching;
    private final Executor reading;
    private final Message[] batch;
    private final Function<Message, S> fetch;
    private final BiFunction<Message, S, T> read;
    private final Deque<CompletableFuture<T>> ahead = new ArrayDeque<>();
    private volatile boolean closed;
    private int submitted;

    /** {@code fetch} runs on {@code fetching}, then {@code read} on {@code reading}; each executor one thread. */
    Prefetch(Executor fetching, Executor reading, Message[] batch, Function<Message, S> fetch,
             BiFunction<Message, S, T> read) {
        this.fetching = fetching;
        this.reading = reading;
        this.batch = batch.clone();
        this.fetch = fetch;
        this.read = read;
        while (submitted < Math.min(AHEAD, this.batch.length)) {
            submitNext();
        }
    }

    /** The next message, prepared, waiting for it; a failure there is thrown here as it was thrown there. */
    T next() {
        CompletableFuture<T> next = ahead.poll();
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

    /** Whether every message of the batch is on its way: the threads ahead are free for what comes after it. */
    boolean submittedAll() {
        return submitted == batch.length;
    }

    @Override
    public void close() {
        closed = true;
        boolean interrupted = false;
        for (CompletableFuture<T> left : ahead) {
            try {
                left.get();
            } catch (ExecutionException | RuntimeException notPrepared) {
                // skipped, or failed: nothing committed refers to what it stored, the store's sweep takes it
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
        ahead.add(CompletableFuture.supplyAsync(() -> fetch.apply(unlessClosed(message)), fetching)
                .thenApplyAsync(fetched -> read.apply(unlessClosed(message), fetched), reading));
    }

    private Message unlessClosed(Message message) {
        if (closed) {
            throw new CancellationException("the batch was closed before this message was prepared");
        }
        return message;
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(failure);
    }
}
