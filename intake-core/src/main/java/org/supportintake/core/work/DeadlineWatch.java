package org.supportintake.core.work;

import java.time.Instant;

/** The reply clock's sweeps over every ticket; each change is made once and logged once, on any number of nodes. */
public interface DeadlineWatch {

    /** Flags tickets whose due time has passed with no reply from staff; returns how many. */
    int flagOverdue(Instant now);

    /** Flags tickets with less than the at-risk fraction of their business time left; returns how many. */
    int flagAtRisk(Instant now);

    /** Closes tickets resolved before {@code resolvedBefore}; returns how many. */
    int closeResolved(Instant resolvedBefore, Instant now);
}
