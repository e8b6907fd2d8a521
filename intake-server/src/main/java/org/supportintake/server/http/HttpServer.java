package org.supportintake.server.http;

import java.net.BindException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.supportintake.server.wiring.UnableToStartException;
import org.supportintake.web.WebForm;
import org.supportintake.web.security.SecurityHeaders;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

/**
 * Embedded Jetty serving the given servlets by path, guarded against slow and greedy clients: idle connections
 * are closed, request bodies slower than a minimum rate are cut off, one client address has a bounded number of
 * requests in progress, forwarded headers count only from trusted proxies, and every error Jetty raises itself is
 * the site's error page. Start once, stop once.
 */
public final class HttpServer implements AutoCloseable {

    /** Jetty's default; {@link Edge#concurrentPerAddress} is kept well below it. */
    static final int MAX_THREADS = 200;

    private final Server server = new Server(new QueuedThreadPool(MAX_THREADS));
    private final ServerConnector connector;
    private final ConcurrencyLimit concurrencyLimit;

    /** How the server meets its clients. */
    public record Edge(Duration idleTimeout, long minRequestBytesPerSecond, int concurrentPerAddress,
                       TrustedProxies trustedProxies, boolean https) {

        /** The settings' defaults: 20 s idle, 1 KB/s, 10 requests per address, no proxy, http. */
        public static Edge defaults() {
            return new Edge(Duration.ofSeconds(20), 1024, 10, TrustedProxies.none(), false);
        }
    }

    /** With {@link Edge#defaults()}. */
    public HttpServer(int port, Map<String, HttpServlet> servlets, List<Filter> filters) {
        this(port, servlets, filters, Edge.defaults());
    }

    /** {@code servlets} maps a servlet path spec ({@code ""} is the root page) to its servlet; filters see every request. */
    public HttpServer(int port, Map<String, HttpServlet> servlets, List<Filter> filters, Edge edge) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setMinRequestDataRate(edge.minRequestBytesPerSecond());
        if (!edge.trustedProxies().isEmpty()) {
            http.addCustomizer(new ForwardedClient(edge.trustedProxies()));
        }
        connector = new ServerConnector(server, new RequestTargets(http));
        connector.setPort(port);
        connector.setIdleTimeout(edge.idleTimeout().toMillis());
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        filters.forEach(filter -> context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST)));
        servlets.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        concurrencyLimit = new ConcurrencyLimit(edge.concurrentPerAddress(), context);
        server.setHandler(concurrencyLimit);
        server.setErrorHandler(new SiteErrorHandler(WebForm.errorPages(), new SecurityHeaders(edge.https()).headers()));
        server.setStopAtShutdown(false);
    }

    public HttpServer start() {
        try {
            server.start();
        } catch (Exception e) {
            if (causedByBindFailure(e)) {
                throw new UnableToStartException("HTTP: port " + connector.getPort()
                        + " is in use (INTAKE_HTTP_PORT); stop what holds it or set another port", e);
            }
            throw new IllegalStateException("cannot start HTTP on port " + connector.getPort() + ": " + e.getMessage(), e);
        }
        return this;
    }

    private static boolean causedByBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** The port actually bound (useful when 0 was asked for). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The most requests one client address has had in progress at once; for tests. */
    int mostInFlightPerAddress() {
        return concurrencyLimit.mostInFlightPerAddress();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
