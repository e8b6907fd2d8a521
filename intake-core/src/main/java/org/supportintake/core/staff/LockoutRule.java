package org.supportintake.core.staff;

import java.time.Duration;

/**
 * When failed sign-ins lock a key out: {@code perLogin} failures for one login (or {@code perAddress} from one client
 * address) without {@code window} passing quietly lock that key for {@code firstLock}, doubled by each further failure
 * up to {@code longestLock}. Time spent locked is not quiet, so the backoff keeps growing for a guesser who comes back.
 */
public record LockoutRule(int perLogin, int perAddress, Duration window, Duration firstLock, Duration longestLock) {

    /**
     * Five failures for a login; twenty from an address, because one office's staff may share it behind NAT and a
     * few colleagues' typos must not lock them all out. One minute, doubling to an hour.
     */
    public static final LockoutRule STANDARD = new LockoutRule(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofHours(1));

    /** How long the {@code failures}-th failure locks a key whose limit is {@code limit}; zero below it. */
    public Duration lockAfter(int failures, int limit) {
        if (failures < limit) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - limit, 30);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return lock.compareTo(longestLock) > 0 ? longestLock : lock;
    }
}
