package org.supportintake.mail.imap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many polls in a row each message has failed in a way that may pass, so that none is retried
 * forever. Keyed by mailbox, UIDVALIDITY and UID; bounded (the least recently failed are forgotten).
 * In memory, per node: a restart gives every message a fresh count. Not thread-safe (one poll at a time).
 */
final class RepeatedFailures {

    private static final int REMEMBERED = 1_000;

    private final Map<String, Integer> counts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Counts one more failure of {@code message}; returns how many in a row now. */
    int record(String message) {
        return counts.merge(message, 1, Integer::sum);
    }

    /** How many polls in a row {@code message} has failed so far. */
    int count(String message) {
        Integer count = counts.get(message);
        return count == null ? 0 : count;
    }

    void forget(String message) {
        counts.remove(message);
    }
}
