package org.supportintake.server.http;

import java.util.Optional;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * HTTP/1.1 connections that remember the request target as the client sent it, until the request is answered. Jetty
 * replaces a target it refuses (a bad escape, an encoded slash or dot segment, a NUL) by {@code /badURI} before its
 * error handler runs, so without this a broken API address would be answered as a page, not as the API's JSON.
 */
final class RequestTargets extends HttpConnectionFactory {

    RequestTargets(HttpConfiguration configuration) {
        super(configuration);
    }

    /** The target of the request on {@code request}'s connection as it was sent, if this factory made the connection. */
    static Optional<String> sent(Request request) {
        return request.getConnectionMetaData().getConnection() instanceof Remembering connection
                ? Optional.ofNullable(connection.target) : Optional.empty();
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        // As HttpConnectionFactory.newConnection does, with the remembering connection.
        Remembering connection = new Remembering(getHttpConfiguration(), connector, endPoint);
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }

    /** One request at a time on an HTTP/1.1 connection, so one target; cleared as the next message begins. */
    private static final class Remembering extends HttpConnection {

        private volatile String target;

        Remembering(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        protected RequestHandler newRequestHandler() {
            return new RequestHandler() {
                @Override
                public void messageBegin() {
                    target = null;
                    super.messageBegin();
                }

                @Override
                public void startRequest(String method, String uri, HttpVersion version) {
                    target = uri;
                    super.startRequest(method, uri, version);
                }
            };
        }
    }
}
