package org.supportintake.server.logging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;

/** The lines one logger writes through a {@link MaskedEncoder} as logback.xml sets it up, captured while open. */
final class LogLines implements AutoCloseable {

    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} %X{externalId} - "
            + "%replace(%msg){'[\\r\\n]', ' '}%n";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private final Logger logger;

    LogLines(String loggerName, boolean json) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        MaskedEncoder encoder = new MaskedEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.setJson(json);
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        logger = context.getLogger(loggerName);
        logger.addAppender(appender);
    }

    String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    List<String> lines() {
        return text().lines().toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
