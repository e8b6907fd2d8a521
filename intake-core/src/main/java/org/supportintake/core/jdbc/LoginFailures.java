package org.supportintake.core.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import org.supportintake.core.staff.LockoutRule;

/**
 * Failed sign-ins per login and per client address in {@code login_failure}, shared by every node. A key's count is
 * forgotten {@link LockoutRule#window()} after its last failure or the end of its lock, whichever is later; rows past
 * that are deleted as new failures come, so guesses at made-up logins do not pile up. Thread-safe.
 */
final class LoginFailures {

    private final Jdbi jdbi;
    private final LockoutRule rule;

    LoginFailures(Jdbi jdbi, LockoutRule rule) {
        this.jdbi = jdbi;
        this.rule = rule;
    }

    /** The two keys one attempt counts against. */
    record Keys(String login, String address) {
    }

    /** A made-up login counts as much as a real one, so a lockout tells nothing about which logins exist. */
    static Keys keys(String login, String address) {
        return new Keys("login:" + login.toLowerCase(Locale.ROOT), "address:" + SqlValues.varchar(address, 64));
    }

    /** The later end of the keys' locks, if either is locked at {@code now}. */
    Optional<Instant> lockedUntil(Keys keys, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("select max(locked_until) from login_failure "
                        + "where lock_key in (:login, :address) and locked_until > :now")
                .bind("login", keys.login()).bind("address", keys.address()).bind("now", SqlValues.timestamp(now))
                .mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant));
    }

    /** Counts a failure against both keys; the lock it started, if it started one. */
    Optional<Instant> count(Keys keys, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("delete from login_failure where forget_at <= :now")
                .bind("now", SqlValues.timestamp(now)).execute());
        Optional<Instant> byLogin = count(keys.login(), rule.perLogin(), now);
        Optional<Instant> byAddress = count(keys.address(), rule.perAddress(), now);
        if (byLogin.isPresent() && byAddress.isPresent()) {
            return Optional.of(byLogin.get().isAfter(byAddress.get()) ? byLogin.get() : byAddress.get());
        }
        return byLogin.or(() -> byAddress);
    }

    /** A successful sign-in clears its login's count (not its address's: one good account must not unlock guessing). */
    void clear(String key) {
        jdbi.useHandle(h -> h.createUpdate("delete from login_failure where lock_key = :key").bind("key", key).execute());
    }

    private Optional<Instant> count(String key, int limit, Instant now) {
        try {
            return jdbi.inTransaction(h -> countLocked(h, key, limit, now));
        } catch (RuntimeException e) {
            if (!SqlValues.isUniqueViolation(e)) {
                throw e;
            }
            // Another node inserted the key's first row at the same moment: count on top of its row.
            return jdbi.inTransaction(h -> countLocked(h, key, limit, now));
        }
    }

    private Optional<Instant> countLocked(Handle h, String key, int limit, Instant now) {
        Optional<Integer> earlier = h.createQuery("select failures from login_failure "
                        + "where lock_key = :key and forget_at > :now for update")
                .bind("key", key).bind("now", SqlValues.timestamp(now)).mapTo(Integer.class).findOne();
        int failures = earlier.map(n -> n + 1).orElse(1);
        Instant seconds = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Optional<Instant> lockedUntil = Optional.of(rule.lockAfter(failures, limit))
                .filter(lock -> !lock.isZero()).map(seconds::plus);
        Instant forgetAt = lockedUntil.orElse(seconds).plus(rule.window());
        h.createUpdate("delete from login_failure where lock_key = :key and forget_at <= :now")
                .bind("key", key).bind("now", SqlValues.timestamp(now)).execute();
        if (earlier.isPresent()) {
            h.createUpdate("update login_failure set failures = :failures, locked_until = :until, forget_at = :forget "
                            + "where lock_key = :key")
                    .bind("failures", failures).bind("until", SqlValues.timestamp(lockedUntil.orElse(null)))
                    .bind("forget", SqlValues.timestamp(forgetAt)).bind("key", key).execute();
        } else {
            h.createUpdate("insert into login_failure (lock_key, failures, locked_until, forget_at) "
                            + "values (:key, :failures, :until, :forget)")
                    .bind("key", key).bind("failures", failures).bind("until", SqlValues.timestamp(lockedUntil.orElse(null)))
                    .bind("forget", SqlValues.timestamp(forgetAt)).execute();
        }
        return lockedUntil;
    }
}
