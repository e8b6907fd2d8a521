package org.supportintake.web.form;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that remembers the first way reading it failed, so that the form can tell a body that broke off from a
 * parser or a store that failed on its own, or that swallowed the failure. Each failure is thrown as a new exception
 * with the first as its cause: fileupload adds a failure of {@code close} to the one it is throwing, and the same
 * instance twice is "Self-suppression not permitted". Not thread-safe: one request, one thread.
 */
class ReadFailures extends FilterInputStream {

    private Exception failure;

    ReadFailures(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    private IOException failed(Exception e) {
        if (failure == null) {
            failure = e;
        }
        return new IOException("the request body could not be read", failure);
    }

    /** Throws if any read failed, even one the caller caught and took for the end of the stream. */
    void rethrowFailure() throws IOException {
        if (failure != null) {
            throw new IOException("the request body could not be read", failure);
        }
    }
}
