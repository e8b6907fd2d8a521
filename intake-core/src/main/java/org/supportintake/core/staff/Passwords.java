package org.supportintake.core.staff;

import java.security.SecureRandom;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import com.password4j.Argon2Function;
import com.password4j.SecureString;
import com.password4j.types.Argon2;

/**
 * Staff passwords hashed with Argon2id, each with its own salt; the stored form ({@code $argon2id$v=19$m=…}) carries
 * its parameters, so a check uses the ones the hash was made with. Each hash or check holds its memory cost while it
 * runs, so at most {@link #AT_ONCE} run at a time: a flood of sign-in attempts queues instead of exhausting the heap.
 * Thread-safe.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    /** Longer input is refused before hashing, so a megabyte "password" costs the server nothing. */
    public static final int MAX_LENGTH = 1024;
    static final int AT_ONCE = 2;

    private final Argon2Function argon2;
    private final Semaphore running = new Semaphore(AT_ONCE, true);
    /**
     * What an unknown login is checked against, so that it costs the same time as a wrong password: made once, with
     * the same parameters, from a password nobody knows.
     */
    private final String dummy;

    private Passwords(int memoryKib, int passes) {
        this.argon2 = Argon2Function.getInstance(memoryKib, passes, 1, 32, Argon2.ID);
        this.dummy = argon2.hash(new SecureString(randomPassword())).getResult();
    }

    /** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. Made on first use. */
    public static Passwords standard() {
        return Standard.INSTANCE;
    }

    /** A cheaper cost, for tests that run on a small heap; stored hashes keep whatever cost made them. */
    public static Passwords withCost(int memoryKib, int passes) {
        return new Passwords(memoryKib, passes);
    }

    /** The stored form of {@code password}; the caller has checked its length. */
    public String hash(char[] password) {
        return limited(() -> argon2.hash(new SecureString(password)).getResult());
    }

    /** Whether {@code password} is the one {@code stored} was made from. */
    public boolean matches(char[] password, String stored) {
        if (password == null || password.length > MAX_LENGTH) {
            return matchesNothing();
        }
        return limited(() -> Argon2Function.getInstanceFromHash(stored).check(new SecureString(password), stored));
    }

    /** Spends the time of one check, for a login that does not exist; always false. */
    public boolean matchesNothing() {
        limited(() -> argon2.check(new SecureString(randomPassword()), dummy));
        return false;
    }

    /** The length a user counts: characters, a pair of surrogates being one. */
    public static int length(char[] password) {
        return Character.codePointCount(password, 0, password.length);
    }

    private <T> T limited(Supplier<T> work) {
        running.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            running.release();
        }
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[24];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        return password;
    }

    private static final class Standard {
        static final Passwords INSTANCE = new Passwords(19 * 1024, 2);
    }
}
