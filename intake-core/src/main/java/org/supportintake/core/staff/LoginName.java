package org.supportintake.core.staff;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Logins: 2–100 of Latin letters, digits and {@code . _ - @}, compared without case (kept in lower case). */
public final class LoginName {

    public static final int MAX_LENGTH = 100;
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._@-]{2," + MAX_LENGTH + "}");

    private LoginName() {
    }

    /** The login as stored, if {@code raw} (surrounding spaces aside) is one. */
    public static Optional<String> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String login = raw.strip().toLowerCase(Locale.ROOT);
        return ALLOWED.matcher(login).matches() ? Optional.of(login) : Optional.empty();
    }
}
