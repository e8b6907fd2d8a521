package org.supportintake.core.staff;

import java.security.SecureRandom;

import com.password4j.Argon2Function;
import com.password4j.SecureString;
import com.password4j.types.Argon2;

/**
 * Staff passwords hashed with Argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane), each with its own salt; the
 * stored form ({@code $argon2id$v=19$m=…}) carries its parameters. Thread-safe.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    /** Longer input is refused before hashing, so a megabyte "password" costs the server nothing. */
    public static final int MAX_LENGTH = 1024;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    /**
     * What an unknown login is checked against, so that it costs the same time as a wrong password: made once, with
     * the same parameters, from a password nobody knows.
     */
    private static final String DUMMY = ARGON2.hash(new SecureString(randomPassword())).getResult();

    private Passwords() {
    }

    /** The stored form of {@code password}; the caller has checked its length. */
    public static String hash(char[] password) {
        return ARGON2.hash(new SecureString(password)).getResult();
    }

    /** Whether {@code password} is the one {@code stored} was made from. */
    public static boolean matches(char[] password, String stored) {
        if (password == null || password.length > MAX_LENGTH) {
            matchesNothing();
            return false;
        }
        return Argon2Function.getInstanceFromHash(stored).check(new SecureString(password), stored);
    }

    /** Spends the time of one check, for a login that does not exist; always false. */
    public static boolean matchesNothing() {
        ARGON2.check(new SecureString(randomPassword()), DUMMY);
        return false;
    }

    /** The length a user counts: characters, a pair of surrogates being one. */
    public static int length(char[] password) {
        return Character.codePointCount(password, 0, password.length);
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[24];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        return password;
    }
}
