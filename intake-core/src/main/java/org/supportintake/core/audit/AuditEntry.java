package org.supportintake.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the audit: who ({@code staff}, a login; for a failed sign-in the login tried), when, from which
 * {@code address}, did what, on which ticket number ({@code ticket}, empty when none) and {@code what} in a few words
 * (a filter, a file's id, a reason); email addresses and phones in {@code what} are masked, see {@link AuditText}.
 */
public record AuditEntry(Instant at, String staff, String address, AuditAction action, String ticket, String what) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        staff = Objects.requireNonNullElse(staff, "");
        address = Objects.requireNonNullElse(address, "");
        ticket = Objects.requireNonNullElse(ticket, "");
        what = Objects.requireNonNullElse(what, "");
    }
}
