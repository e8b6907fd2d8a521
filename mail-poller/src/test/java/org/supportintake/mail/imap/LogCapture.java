package org.supportintake.mail.imap;

import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** What one logger (and its children) logged while open. */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        appender.start();
        logger.addAppender(appender);
    }

    static LogCapture of(String name) {
        return new LogCapture(name);
    }

    static LogCapture of(Class<?> type) {
        return new LogCapture(type.getName());
    }

    List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Each event as its message, with the class of its exception when it carries a stack trace. */
    List<String> lines() {
        return events().stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " [" + e.getThrowableProxy().getClassName() + "]")).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
