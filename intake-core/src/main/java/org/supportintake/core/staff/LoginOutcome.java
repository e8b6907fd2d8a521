package org.supportintake.core.staff;

import java.time.Instant;

/** What a sign-in attempt came to; a wrong login, a wrong password and a disabled account look the same. */
public sealed interface LoginOutcome {

    record SignedIn(StaffMember member) implements LoginOutcome {
    }

    record Refused() implements LoginOutcome {
    }

    /** Too many failures for this login or from this address; the next attempt is allowed at {@code until}. */
    record LockedOut(Instant until) implements LoginOutcome {
    }
}
