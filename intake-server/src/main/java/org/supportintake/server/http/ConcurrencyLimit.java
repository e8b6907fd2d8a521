package org.supportintake.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.supportintake.web.security.ClientNetwork;

/**
 * At most N requests in progress per client address (the forwarded one behind a trusted proxy; an IPv6 client by its
 * /64, as the rate limits count it); one more is answered 429 at once, without reading its body, and its connection
 * closed. So one address, however many slow uploads it opens, holds at most N of the server's threads.
 */
final class ConcurrencyLimit extends Handler.Wrapper {

    private final int perAddress;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    ConcurrencyLimit(int perAddress, Handler handler) {
        super(handler);
        this.perAddress = perAddress;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String address = ClientNetwork.of(String.valueOf(Request.getRemoteAddr(request)));
        int inProgress = inFlight.merge(address, 1, Integer::sum);
        if (inProgress > perAddress) {
            release(address);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            Response.writeError(request, response, callback, 429);
            return true;
        }
        mostInFlight.accumulateAndGet(inProgress, Math::max);
        Request.addCompletionListener(request, failure -> release(address));
        return super.handle(request, response, callback);
    }

    /** The most requests one address has had in progress at once since the start (one number, not one per address). */
    int mostInFlightPerAddress() {
        return mostInFlight.get();
    }

    private void release(String address) {
        inFlight.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
    }
}
