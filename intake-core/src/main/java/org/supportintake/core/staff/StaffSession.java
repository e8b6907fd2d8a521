package org.supportintake.core.staff;

/** A signed-in browser: who it is and the CSRF token every form it posts must carry. */
public record StaffSession(StaffMember member, String csrfToken) {
}
