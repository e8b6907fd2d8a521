package org.supportintake.core.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The arithmetic of the reply clock (DESIGN.md, "Statuses and the reply clock"): a deadline from the received time,
 * moved forward by the business time a ticket spent waiting for the citizen, or extended by staff. Thread-safe.
 */
public final class ReplyClock {

    private static final Duration BUSINESS_DAY = Duration.ofHours(9);

    private final SlaCalendar calendar;
    private final double atRiskFraction;
    private final Duration reopenWindow;

    /** {@code atRiskFraction}: DESIGN.md's fifth by default; {@code reopenWindow}: seven days by default. */
    public ReplyClock(SlaCalendar calendar, double atRiskFraction, Duration reopenWindow) {
        if (!(atRiskFraction > 0 && atRiskFraction < 1)) {
            throw new IllegalArgumentException("the at-risk fraction must lie between 0 and 1: " + atRiskFraction);
        }
        this.calendar = calendar;
        this.atRiskFraction = atRiskFraction;
        this.reopenWindow = reopenWindow;
    }

    /** Whether a citizen writing at {@code at} reopens a ticket resolved at {@code resolvedAt}. */
    public boolean reopens(Instant resolvedAt, Instant at) {
        return at.isBefore(resolvedAt.plus(reopenWindow));
    }

    public int reopenDays() {
        return (int) reopenWindow.toDays();
    }

    /** Resolved tickets close by themselves once the window is over: those resolved before this instant. */
    public Instant closesResolvedBefore(Instant now) {
        return now.minus(reopenWindow);
    }

    public ReplyDeadline start(Instant received, int businessDays) {
        Instant due = calendar.dueAt(received, businessDays);
        return withDue(due, BUSINESS_DAY.multipliedBy(businessDays));
    }

    /** After a pause from {@code pausedSince} to {@code resumedAt}: everything later by the business time that passed. */
    public ReplyDeadline resume(ReplyDeadline deadline, Instant pausedSince, Instant resumedAt) {
        Duration waited = calendar.businessTimeBetween(pausedSince, resumedAt);
        if (waited.isZero()) {
            // a pause outside working hours moves nothing (and 18:00 must not turn into 09:00 the next day)
            return deadline;
        }
        return new ReplyDeadline(calendar.plusBusinessTime(deadline.dueAt(), waited),
                calendar.plusBusinessTime(deadline.atRiskFrom(), waited), deadline.allowed());
    }

    /** Extended to {@code newDue}, which must be later: the extension adds to the business time allowed. */
    public ReplyDeadline extend(ReplyDeadline deadline, Instant newDue) {
        if (!newDue.isAfter(deadline.dueAt())) {
            throw new IllegalArgumentException("an extension must move the due time later");
        }
        return withDue(newDue, deadline.allowed().plus(calendar.businessTimeBetween(deadline.dueAt(), newDue)));
    }

    /** Whether a due time may fall on {@code instant}: the second before it is working time (so 18:00 is, 09:00 is not). */
    public boolean endsBusinessTime(Instant instant) {
        return calendar.businessTimeBetween(instant.minusSeconds(1), instant).equals(Duration.ofSeconds(1));
    }

    private ReplyDeadline withDue(Instant due, Duration allowed) {
        Duration atRiskPart = Duration.ofSeconds(Math.round(allowed.toSeconds() * atRiskFraction));
        return new ReplyDeadline(due, calendar.minusBusinessTime(due, atRiskPart), allowed);
    }
}
