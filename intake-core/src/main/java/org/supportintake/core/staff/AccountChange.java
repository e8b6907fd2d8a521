package org.supportintake.core.staff;

/** What an administrator's change to staff accounts came to ({@link StaffAdministration}). */
public sealed interface AccountChange {

    record Added(StaffMember member) implements AccountChange {
    }

    /** The account can no longer sign in; its sessions and tokens stopped working. */
    record Disabled(String login) implements AccountChange {
    }

    /** {@code token} is shown this once; only its hash is kept. */
    record TokenIssued(String login, String token) implements AccountChange {
    }

    record TokensRevoked(String login, int revoked) implements AccountChange {
    }

    record LoginTaken(String login) implements AccountChange {
    }

    record UnknownLogin(String login) implements AccountChange {
    }

    /** Not a login {@link LoginName} accepts. */
    record LoginInvalid(String login) implements AccountChange {
    }

    record PasswordTooShort(int minimum) implements AccountChange {
    }

    record PasswordTooLong(int maximum) implements AccountChange {
    }

    /** A token for a disabled account would never work, so none is issued. */
    record AccountDisabled(String login) implements AccountChange {
    }
}
