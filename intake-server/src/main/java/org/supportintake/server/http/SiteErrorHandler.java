package org.supportintake.server.http;

import java.util.Map;
import java.util.Set;

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

    /** What Jetty puts in place of a request target it refused, or of a request it could not read. */
    private static final Set<String> REFUSED = Set.of("/badURI", "/badMessage");

    private final ErrorPages errors;
    private final Map<String, String> headers;

    SiteErrorHandler(ErrorPages errors, Map<String, String> headers) {
        this.errors = errors;
        this.headers = Map.copyOf(headers);
    }

    /**
     * The path as Jetty routes it (decoded, normalised, without path parameters), so that {@code /%61pi/…} is answered as
     * the API is; for a target Jetty refused (and put {@code /badURI} or {@code /badMessage} in its place), the target as it was sent, decoded
     * where it can be, so that {@code /api/v1/tickets/%zz} is still answered as the API.
     */
    private static String path(Request request) {
        HttpURI uri = request.getHttpURI();
        String path = uri == null ? null : uri.getCanonicalPath() != null ? uri.getCanonicalPath() : uri.getPath();
        if (path == null || REFUSED.contains(path)) {
            return RequestTargets.sent(request).map(SiteErrorHandler::pathOf).orElse(path == null ? "/" : path);
        }
        return path;
    }

    /** The path of a target as sent: no scheme and host, query or path parameters, and every valid escape decoded. */
    private static String pathOf(String target) {
        String path = target.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*", "").replaceFirst("[?#].*$", "");
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            boolean escape = path.charAt(i) == '%' && i + 2 < path.length()
                    && Character.digit(path.charAt(i + 1), 16) >= 0 && Character.digit(path.charAt(i + 2), 16) >= 0;
            if (escape) {
                decoded.append((char) Integer.parseInt(path.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                decoded.append(path.charAt(i));
            }
        }
        return decoded.toString().replaceAll(";[^/]*", "");
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
        ErrorPages.Answer answer = errors.answer(Problem.of(status), path(request));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        Content.Sink.write(response, true, answer.body(), callback);
        return true;
    }
}
