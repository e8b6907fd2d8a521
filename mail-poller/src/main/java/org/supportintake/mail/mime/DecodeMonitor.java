package org.supportintake.mail.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the reading of one message reports what the sender got wrong, instead of throwing: each
 * problem is one English line without file-system paths. Repeats are kept once and the list is
 * capped, so a message of a thousand broken parts cannot flood the ticket. Not thread-safe.
 */
final class DecodeMonitor {

    private static final int MAX_PROBLEMS = 50;

    private final List<String> problems = new ArrayList<>();
    private int dropped;
    private boolean limitCrossed;

    /** Notes a problem; the reading goes on as far as it can. */
    void warn(String problem) {
        if (problems.contains(problem)) {
            return;
        }
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else {
            dropped++;
        }
    }

    /** Notes that one of the {@link MimeLimits} was crossed: the message is not read whole and goes to a person. */
    void overLimit(String problem) {
        limitCrossed = true;
        warn(problem);
    }

    boolean limitCrossed() {
        return limitCrossed;
    }

    /** Every problem so far, in the order met. */
    List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        if (dropped > 0) {
            all.add(dropped + " more problems were not listed");
        }
        return all;
    }
}
