package org.supportintake.server.http;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

/** Embedded Jetty serving the given servlets by path. Start once, stop once. */
public final class HttpServer implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector;

    /** {@code servlets} maps a servlet path spec ({@code ""} is the root page) to its servlet; filters see every request. */
    public HttpServer(int port, Map<String, HttpServlet> servlets, List<Filter> filters) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        filters.forEach(filter -> context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST)));
        servlets.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
        server.setHandler(context);
        server.setStopAtShutdown(false);
    }

    public HttpServer start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start HTTP on port " + connector.getPort() + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** The port actually bound (useful when 0 was asked for). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
