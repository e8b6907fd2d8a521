package org.supportintake.web.form;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletRequestContext;

/**
 * The request's body as fileupload reads it, remembering whether reading it ever failed. fileupload swallows some
 * failures (one while it looks for the first boundary makes an empty form) and trips over others (the container's
 * unchecked errors, rethrown by its own {@code close}, become "Self-suppression not permitted"), so the form asks this
 * stream, not the parser, whether the body was read to its end. Not thread-safe: one request, one thread.
 */
final class RequestBody extends FilterInputStream {

    private Exception failure;

    private RequestBody(InputStream in) {
        super(in);
    }

    static RequestBody of(HttpServletRequest request) throws IOException {
        return new RequestBody(request.getInputStream());
    }

    /** fileupload's view of {@code request}, reading its body through this stream. */
    JakartaServletRequestContext context(HttpServletRequest request) {
        return new JakartaServletRequestContext(request) {
            @Override
            public InputStream getInputStream() {
                return RequestBody.this;
            }
        };
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

    /** A new exception each time: fileupload adds a failure of {@code close} to the one it is throwing. */
    private IOException failed(Exception e) {
        if (failure == null) {
            failure = e;
        }
        return new IOException("the request body could not be read", failure);
    }

    /** Throws if any read of the body failed, even one the parser caught and took for the end of the form. */
    void rethrowFailure() throws IOException {
        if (failure != null) {
            throw new IOException("the request body could not be read", failure);
        }
    }
}
