package org.supportintake.core.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * When a ticket's reply is due, from when it counts as at risk (less than the at-risk fraction of its business time
 * left), and how much business time it was given in all (its service level, plus any extension).
 */
public record ReplyDeadline(Instant dueAt, Instant atRiskFrom, Duration allowed) {
}
