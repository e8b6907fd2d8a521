package org.supportintake.core.staff;

/**
 * An administrator's changes to staff accounts (the {@code staff} commands). Each change that happens is written to
 * the audit under {@code actor}, who made it. Thread-safe.
 */
public interface StaffAdministration {

    /** {@link AccountChange.Added}, or why not: login taken or invalid, password too short or too long. */
    AccountChange add(String login, Role role, char[] password, String actor);

    /** {@link AccountChange.Disabled} (also when it already was), or {@link AccountChange.UnknownLogin}. */
    AccountChange disable(String login, String actor);

    /** A new API token ({@link AccountChange.TokenIssued}); earlier ones keep working until revoked. */
    AccountChange issueToken(String login, String actor);

    /** Every live API token of the login stops working ({@link AccountChange.TokensRevoked}). */
    AccountChange revokeTokens(String login, String actor);
}
