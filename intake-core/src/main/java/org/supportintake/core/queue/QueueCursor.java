package org.supportintake.core.queue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of the queue ends: the due time and key of its last ticket (keyset pagination, so rows added or
 * closed meanwhile neither repeat nor skip a row). Outside it is an opaque token; its text may change.
 */
public record QueueCursor(Instant dueAt, long id) {

    private static final Pattern TEXT = Pattern.compile("q1:(-?\\d{1,12}):(\\d{1,18})");

    /** The token for URLs and the API's {@code next}. */
    public String token() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("q1:" + dueAt.getEpochSecond() + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor of {@code token}; empty for anything no page of the queue handed out. */
    public static Optional<QueueCursor> parse(String token) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            return Optional.empty();
        }
        try {
            Matcher m = TEXT.matcher(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII));
            return m.matches()
                    ? Optional.of(new QueueCursor(Instant.ofEpochSecond(Long.parseLong(m.group(1))), Long.parseLong(m.group(2))))
                    : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
