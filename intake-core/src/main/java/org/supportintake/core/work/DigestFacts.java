package org.supportintake.core.work;

import java.time.Instant;
import java.util.List;

/** What supervisors read each working morning: tickets needing attention, and what failed since the last digest. */
public record DigestFacts(List<String> overdue, List<String> atRisk, List<String> repeatRequests,
                          List<String> failedAcknowledgements, int mailSetAside, Instant since) {

    public boolean isEmpty() {
        return overdue.isEmpty() && atRisk.isEmpty() && repeatRequests.isEmpty() && failedAcknowledgements.isEmpty()
                && mailSetAside == 0;
    }
}
