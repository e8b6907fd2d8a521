package org.supportintake.attachments.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Files staged without being forced to disk, forced together by {@link #force()} before the commit that refers to
 * them: one group of fsyncs per batch instead of one wait per file. A file kept meanwhile is forced under its
 * content address; a discarded one is skipped. Thread-safe: a prefetching thread and the taking thread share one.
 */
public final class DeferredForce {

    private final FileStore store;
    private final List<StagedFile> pending = new ArrayList<>();

    DeferredForce(FileStore store) {
        this.store = store;
    }

    synchronized void add(StagedFile staged) {
        pending.add(staged);
    }

    /** How many staged files wait for their force. */
    public synchronized int pending() {
        return pending.size();
    }

    /** Forces every file staged so far (wherever it now lives) to disk; throws when one cannot be. */
    public void force() {
        List<StagedFile> files;
        synchronized (this) {
            files = List.copyOf(pending);
            pending.clear();
        }
        for (StagedFile staged : files) {
            if (!forced(staged.path()) && !staged.sha256().isEmpty()) {
                forced(store.pathOf(staged.sha256()));
            }
        }
    }

    /** False when the file is not there (kept under its address, or discarded). */
    private static boolean forced(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException e) {
            throw new UnableToStoreAttachmentException("cannot force " + file + " to disk: " + e.getMessage(), e);
        }
    }
}
