package org.supportintake.mail.imap;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.mail.Message;

import org.supportintake.attachments.store.StagedFile;

/**
 * The bodies of one batch fetched into the store's staging area on another thread, oldest first and a few messages
 * ahead of the taking, so that the mail server's answer and the intake of the previous message overlap. Closing it
 * waits for the fetch under way (the connection is free again) and drops what was fetched and not taken. Not
 * thread-safe: the taking thread alone calls it.
 */
final class Prefetch implements AutoCloseable {

    /** Messages fetched ahead: bounded, so that a batch of large mail does not fill the staging area. */
    static final int AHEAD = 8;

    private final ExecutorService fetcher;
    private final Message[] batch;
    private final Function<Message, StagedFile> stage;
    private final Consumer<StagedFile> discard;
    private final Deque<Future<StagedFile>> ahead = new ArrayDeque<>();
    private int submitted;

    Prefetch(ExecutorService fetcher, Message[] batch, Function<Message, StagedFile> stage,
             Consumer<StagedFile> discard) {
        this.fetcher = fetcher;
        this.batch = batch.clone();
        this.stage = stage;
        this.discard = discard;
        while (submitted < Math.min(AHEAD, this.batch.length)) {
            submitNext();
        }
    }

    /** The next message's staged body, waiting for it; a fetch's failure is thrown here as it was thrown there. */
    StagedFile next() {
        Future<StagedFile> next = ahead.poll();
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
        for (Future<StagedFile> left : ahead) {
            left.cancel(false);
        }
        boolean interrupted = false;
        for (Future<StagedFile> left : ahead) {
            try {
                discard.accept(left.get());
            } catch (ExecutionException | RuntimeException notFetched) {
                // nothing staged, or dropping it failed: the store's sweep takes staged leftovers
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
        ahead.add(fetcher.submit(() -> stage.apply(message)));
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(failure);
    }
}
