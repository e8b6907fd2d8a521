package org.supportintake.server.logging;

import java.nio.charset.StandardCharsets;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The encoder of every log line (logback.xml): the event with contacts masked ({@link MaskedEvent}), written as text
 * by {@link #setPattern pattern} or, once {@link #useJson} was called ({@code INTAKE_LOG_FORMAT=json}), as one JSON
 * object per line (logback's {@link JsonEncoder}: timestamp, level, thread, logger, MDC, formatted message,
 * exception). One rule for both forms, whatever logger wrote the line.
 */
public final class MaskedEncoder extends EncoderBase<ILoggingEvent> {

    private final PatternLayoutEncoder text = new PatternLayoutEncoder();
    private final JsonEncoder json = new JsonEncoder();
    private volatile boolean asJson;

    public MaskedEncoder() {
        text.setPattern("%d %-5level [%thread] %logger{30} - %msg%n");
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.setWithFormattedMessage(true);
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
    }

    /** The text form's logback pattern. */
    public void setPattern(String pattern) {
        text.setPattern(pattern);
    }

    public void setJson(boolean json) {
        this.asJson = json;
    }

    @Override
    public void start() {
        text.setContext(getContext());
        text.setCharset(StandardCharsets.UTF_8);
        text.start();
        json.setContext(getContext());
        json.start();
        super.start();
    }

    @Override
    public void stop() {
        text.stop();
        json.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        MaskedEvent masked = new MaskedEvent(event);
        return asJson ? json.encode(masked) : text.encode(masked);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    /** Switches every appender of the root logger that writes through this encoder to JSON (or back to text). */
    public static void useJson(boolean json) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (var appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
            Appender<ILoggingEvent> appender = appenders.next();
            if (appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
                Encoder<ILoggingEvent> encoder = stream.getEncoder();
                if (encoder instanceof MaskedEncoder masked) {
                    masked.setJson(json);
                }
            }
        }
    }
}
