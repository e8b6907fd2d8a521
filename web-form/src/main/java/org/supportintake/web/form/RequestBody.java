package org.supportintake.web.form;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletRequestContext;

/**
 * The request's body as fileupload reads it, remembering whether reading it ever failed. fileupload swallows some
 * failures (one while it looks for the first boundary makes an empty form) and trips over others (the container's
 * unchecked errors), so the form asks this stream, not the parser, whether the body was read to its end.
 */
final class RequestBody extends ReadFailures {

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
}
