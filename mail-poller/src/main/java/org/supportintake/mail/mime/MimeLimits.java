package org.supportintake.mail.mime;

import java.time.Duration;

/**
 * The work one message may cost, so that no message can stall the poller: MIME parts in all,
 * nesting depth counted across forwarded messages, bytes of one header block, bytes of text kept,
 * and wall-clock time. Immutable; {@link #defaults()} suits a citizens' support mailbox.
 */
public record MimeLimits(int maxParts, int maxDepth, int maxHeaderBytes, int maxTextBytes, Duration maxDuration) {

    /** The walk recurses once a level; this keeps it far below any thread's stack. */
    public static final int DEEPEST = 100;

    public MimeLimits {
        if (maxParts < 1 || maxDepth < 1 || maxDepth > DEEPEST || maxHeaderBytes < 1024 || maxTextBytes < 1 || maxDuration.isNegative()) {
            throw new IllegalArgumentException("MIME limits must be positive (depth at most " + DEEPEST + "): " + maxParts + ", " + maxDepth + ", "
                    + maxHeaderBytes + ", " + maxTextBytes + ", " + maxDuration);
        }
    }

    /** 1,000 parts, 20 levels, 256 KB per header block, 4 MB of text, 30 seconds. */
    public static MimeLimits defaults() {
        return new MimeLimits(1_000, 20, 256 * 1024, 4 * 1024 * 1024, Duration.ofSeconds(30));
    }

    public MimeLimits withMaxParts(int parts) {
        return new MimeLimits(parts, maxDepth, maxHeaderBytes, maxTextBytes, maxDuration);
    }

    public MimeLimits withMaxDepth(int depth) {
        return new MimeLimits(maxParts, depth, maxHeaderBytes, maxTextBytes, maxDuration);
    }

    public MimeLimits withMaxHeaderBytes(int bytes) {
        return new MimeLimits(maxParts, maxDepth, bytes, maxTextBytes, maxDuration);
    }

    public MimeLimits withMaxDuration(Duration duration) {
        return new MimeLimits(maxParts, maxDepth, maxHeaderBytes, maxTextBytes, duration);
    }
}
