package org.supportintake.web.form;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Results of form posts kept for the page the post redirects to, under a random id that carries no
 * personal data: at most {@code capacity} of them (the oldest go first) and each for {@code lifetime}.
 * Kept in this node's memory: a result page is a courtesy, the acknowledgement mail is the record.
 * Thread-safe.
 */
public final class AcceptedResults {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Kept(AcceptedResult result, Instant until) {
    }

    private final int capacity;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Kept> kept = new LinkedHashMap<>();

    public AcceptedResults(int capacity, Duration lifetime, Clock clock) {
        this.capacity = capacity;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Keeps a result; the id to put in its address (128 random bits, URL-safe). */
    synchronized String keep(AcceptedResult result) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        kept.put(id, new Kept(result, clock.instant().plus(lifetime)));
        var oldest = kept.keySet().iterator();
        while (kept.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
        return id;
    }

    /** The result kept under {@code id}, unless it expired, was pushed out, or never was. */
    synchronized Optional<AcceptedResult> find(String id) {
        Instant now = clock.instant();
        // Entries are in the order they were kept and all live equally long: the expired ones lead.
        var oldest = kept.values().iterator();
        while (oldest.hasNext() && !oldest.next().until().isAfter(now)) {
            oldest.remove();
        }
        return Optional.ofNullable(kept.get(id)).map(Kept::result);
    }
}
