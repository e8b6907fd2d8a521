package org.supportintake.attachments.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Content-addressed files: a file's path comes from its SHA-256 ({@code ab/cd/abcd…}), so identical
 * files are stored once. Bytes are staged under a temporary name and moved into place atomically; they are forced
 * to disk before any commit refers to them (at once, or with the batch's {@link DeferredForce}). A file moved before
 * its force and cut short by a power cut is unreferenced, and replaced when the same content comes again. Thread-safe.
 */
public final class FileStore {

    private static final int BUFFER = 64 * 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path staging;

    public FileStore(Path root) {
        this.root = root;
        this.staging = root.resolve("staging");
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UnableToStoreAttachmentException("cannot create file store at " + root.toAbsolutePath(), e);
        }
    }

    /**
     * Copies {@code content} into the staging area, hashing on the way, reading at most
     * {@code limit + 1} bytes: one byte past the limit proves it crossed, the rest is never read.
     */
    public StagedFile stage(InputStream content, long limit, int headerBytes) {
        return stage(content, limit, headerBytes, null);
    }

    /** As {@link #stage(InputStream, long, int)}; when {@code later} is given, the force to disk waits for it. */
    public StagedFile stage(InputStream content, long limit, int headerBytes, DeferredForce later) {
        return stageWritten(out -> {
            byte[] buffer = new byte[BUFFER];
            for (int n = content.read(buffer, 0, out.room(buffer.length)); n >= 0;
                 n = content.read(buffer, 0, out.room(buffer.length))) {
                out.write(buffer, 0, n);
            }
        }, limit, headerBytes, later);
    }

    /** As {@link #stage(InputStream, long, int)}, for sources that write (a raw IMAP message); writing stops at the limit. */
    public StagedFile stageWritten(ContentWriter writer, long limit, int headerBytes) {
        return stageWritten(writer, limit, headerBytes, null);
    }

    /** Files whose force to disk waits for {@link DeferredForce#force()}: one per batch of messages. */
    public DeferredForce deferredForce() {
        return new DeferredForce(this);
    }

    /** As {@link #stageWritten(ContentWriter, long, int)}; when {@code later} is given, the force to disk waits for it. */
    public StagedFile stageWritten(ContentWriter writer, long limit, int headerBytes, DeferredForce later) {
        Path temp = staging.resolve(UUID.randomUUID() + ".part");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            StagingOutput out = new StagingOutput(
                    new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER), limit, headerBytes);
            try {
                writer.writeTo(out);
            } catch (StagingOutput.LimitCrossed crossed) {
                // One byte past the limit was offered: the rest is not wanted.
            }
            out.flush();
            StagedFile staged = out.staged(temp, later);
            if (later == null) {
                channel.force(true);
            } else {
                later.add(staged);
            }
            return staged;
        } catch (IOException e) {
            discard(temp);
            throw new UnableToStoreAttachmentException("cannot stage content in " + staging + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            discard(temp);
            throw e;
        }
    }

    /**
     * Moves a staged file to its content address. When a whole file is there already, the copy is dropped and the one
     * there is forced to disk with the copy's batch (another batch may have kept it and not yet forced it, and the
     * copy's own force may have run before this); a file of the wrong size there
     * (a copy cut short by a power cut before its force) is replaced. The address's directories are made only when
     * the move finds them missing: most moves need no more than the rename.
     */
    public Path keep(StagedFile staged) {
        Path target = pathOf(staged.sha256());
        try {
            if (holdsWhole(target, staged.size())) {
                discard(staged.path());
                if (staged.later() == null) {
                    force(target);
                } else {
                    staged.later().add(target);
                }
                // A new reference is about to be committed: the sweeper's grace period starts again.
                Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
                return target;
            }
            try {
                moveTo(staged.path(), target);
            } catch (NoSuchFileException noDirectoryYet) {
                Files.createDirectories(target.getParent());
                moveTo(staged.path(), target);
            }
            return target;
        } catch (IOException e) {
            throw new UnableToStoreAttachmentException("cannot keep staged file as " + target, e);
        }
    }

    private static boolean holdsWhole(Path target, long size) throws IOException {
        try {
            return Files.size(target) == size;
        } catch (NoSuchFileException notYet) {
            return false;
        }
    }

    /** Renames over whatever is there: on Linux a rename replaces its target atomically. */
    private static void moveTo(Path staged, Path target) throws IOException {
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    public void discard(StagedFile staged) {
        discard(staged.path());
    }

    /** Where the file with this SHA-256 lives (whether or not it exists). */
    public Path pathOf(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** Deletes the file with this SHA-256 (an erasure, a deleted set-aside mail); false when there was none. */
    public boolean delete(String sha256) {
        Path file = pathOf(sha256);
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UnableToStoreAttachmentException("cannot delete stored file " + file, e);
        }
    }

    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }

    /**
     * Deletes kept files older than {@code olderThan} that nothing references, and staged leftovers
     * of crashed copies older than it; returns how many files went.
     */
    public int sweep(Predicate<String> referenced, Instant olderThan) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                boolean leftover = file.startsWith(staging);
                String name = file.getFileName().toString();
                if (isOlder(file, olderThan) && (leftover || SHA256.matcher(name).matches() && !referenced.test(name))) {
                    deleted += Files.deleteIfExists(file) ? 1 : 0;
                }
            }
        } catch (IOException e) {
            throw new UnableToStoreAttachmentException("cannot sweep file store " + root, e);
        }
        return deleted;
    }

    private static boolean isOlder(Path file, Instant olderThan) throws IOException {
        return Files.getLastModifiedTime(file).toInstant().isBefore(olderThan);
    }

    private static void discard(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UnableToStoreAttachmentException("cannot delete staged file " + path, e);
        }
    }
}
