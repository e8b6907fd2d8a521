package org.supportintake.server.http;

import java.util.Map;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.supportintake.web.view.ErrorPages;
import org.supportintake.web.view.Problem;

/**
 * The errors Jetty raises itself (an unknown path, a bad URI or header, a body too slow, {@code sendError} from a
 * servlet) answered as the site's error page, or JSON under {@code /api/}, with the site's security headers;
 * Jetty's message and any exception stay out of the body (Jetty has logged them).
 */
final class SiteErrorHandler implements Request.Handler {

    private final ErrorPages errors;
    private final Map<String, String> headers;

    SiteErrorHandler(ErrorPages errors, Map<String, String> headers) {
        this.errors = errors;
        this.headers = Map.copyOf(headers);
    }

    /**
     * The path as Jetty routes it (decoded, normalised, without path parameters), so that {@code /%61pi/…} is answered as
     * the API is; the raw path when the URI was too broken to have one.
     */
    private static String path(HttpURI uri) {
        if (uri == null) {
            return "/";
        }
        String canonical = uri.getCanonicalPath();
        return canonical != null ? canonical : uri.getPath() == null ? "/" : uri.getPath();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            response.setStatus(status);
        }
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        if (HttpStatus.hasNoBody(status)) {
            callback.succeeded();
            return true;
        }
        HttpURI uri = request.getHttpURI();
        ErrorPages.Answer answer = errors.answer(Problem.of(status), path(uri));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        Content.Sink.write(response, true, answer.body(), callback);
        return true;
    }
}
