package org.supportintake.attachments.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where staged bytes go: counted, hashed (SHA-256), the first ones kept for type detection, and
 * refused one byte past the limit. Not thread-safe.
 */
public final class StagingOutput extends FilterOutputStream {

    private final long limit;
    private final MessageDigest digest;
    private final byte[] header;
    private int headerLength;
    private long size;

    StagingOutput(OutputStream file, long limit, int headerBytes) {
        super(file);
        this.limit = limit;
        this.header = new byte[headerBytes];
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** How many of {@code wanted} bytes may still be offered: never more than one past the limit. */
    public int room(int wanted) {
        return (int) Math.max(1, Math.min(wanted, limit + 1 - size));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (size + length > limit) {
            size = limit + 1;
            throw new LimitCrossed();
        }
        out.write(bytes, offset, length);
        digest.update(bytes, offset, length);
        int toHeader = Math.min(length, header.length - headerLength);
        System.arraycopy(bytes, offset, header, headerLength, toHeader);
        headerLength += toHeader;
        size += length;
    }

    StagedFile staged(Path path, DeferredForce later) {
        boolean overLimit = size > limit;
        return new StagedFile(path, size, overLimit ? "" : HexFormat.of().formatHex(digest.digest()), header,
                headerLength, overLimit, later);
    }

    /** Thrown into the writer to stop it: the content is over the limit. */
    static final class LimitCrossed extends IOException {
        LimitCrossed() {
            super("over the limit", null);
        }
    }
}
