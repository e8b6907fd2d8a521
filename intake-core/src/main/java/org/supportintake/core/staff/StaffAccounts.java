package org.supportintake.core.staff;

import java.util.Optional;

/** Who staff are: sign-in by password (with lockout and backoff) and by API token. */
public interface StaffAccounts {

    /** Checks {@code password} for {@code login} from {@code address}, counting failures per login and per address. */
    LoginOutcome logIn(String login, char[] password, String address);

    /** The enabled account whose unrevoked API token is {@code token}. */
    Optional<StaffMember> byApiToken(String token);
}
