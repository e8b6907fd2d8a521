package org.supportintake.server.logging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.supportintake.core.logging.ContactMask;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * A logging event as the encoders may see it: the message, its arguments, the exception messages (causes and
 * suppressed ones too), the MDC and key-value pairs with email addresses and phones masked ({@link ContactMask}).
 */
record MaskedEvent(ILoggingEvent event) implements ILoggingEvent {

    @Override
    public String getFormattedMessage() {
        return ContactMask.masked(event.getFormattedMessage());
    }

    /** The message is given formatted and masked, so there is no template with raw arguments left to show. */
    @Override
    public String getMessage() {
        return getFormattedMessage();
    }

    @Override
    public Object[] getArgumentArray() {
        return null;
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        return event.getThrowableProxy() == null ? null : new MaskedThrowable(event.getThrowableProxy());
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        Map<String, String> masked = new LinkedHashMap<>();
        event.getMDCPropertyMap().forEach((key, value) -> masked.put(key, ContactMask.masked(value)));
        return masked;
    }

    @Override
    @SuppressWarnings("deprecation")
    public Map<String, String> getMdc() {
        return getMDCPropertyMap();
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        return pairs == null ? null : pairs.stream().map(pair -> new KeyValuePair(pair.key,
                pair.value == null ? null : ContactMask.masked(String.valueOf(pair.value)))).toList();
    }

    @Override
    public String getThreadName() {
        return ContactMask.masked(event.getThreadName());
    }

    @Override
    public Level getLevel() {
        return event.getLevel();
    }

    @Override
    public String getLoggerName() {
        return event.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return event.getLoggerContextVO();
    }

    @Override
    public StackTraceElement[] getCallerData() {
        return event.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
        return event.hasCallerData();
    }

    @Override
    public List<Marker> getMarkerList() {
        return event.getMarkerList();
    }

    @Override
    public long getTimeStamp() {
        return event.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
        return event.getNanoseconds();
    }

    @Override
    public long getSequenceNumber() {
        return event.getSequenceNumber();
    }

    @Override
    public void prepareForDeferredProcessing() {
        event.prepareForDeferredProcessing();
    }

    /** An exception as the encoders see it, its message (and its causes' and suppressed ones') masked. */
    private record MaskedThrowable(IThrowableProxy proxy) implements IThrowableProxy {

        @Override
        public String getMessage() {
            return ContactMask.masked(proxy.getMessage());
        }

        @Override
        public String getClassName() {
            return proxy.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return proxy.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return proxy.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return proxy.getCause() == null ? null : new MaskedThrowable(proxy.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = proxy.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] masked = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                masked[i] = new MaskedThrowable(suppressed[i]);
            }
            return masked;
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
