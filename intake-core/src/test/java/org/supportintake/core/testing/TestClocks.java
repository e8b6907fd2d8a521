package org.supportintake.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The fixtures' clock: fixed, so that no test depends on the hour it runs at. The default is a
 * working Thursday at 12:23 Moscow time with nanoseconds, the case that once leaked sub-second
 * precision; {@code -Dintake.test.now=2026-12-05T09:00:00Z} moves it to show that outcomes hold at
 * night, on weekends and on holidays too.
 */
public final class TestClocks {

    /** Thursday 3 December 2026, 12:23:50.668288434 Moscow time. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-12-03T09:23:50.668288434Z");
    public static final String PROPERTY = "intake.test.now";

    private TestClocks() {
    }

    /** The instant the fixtures' clock stands at. */
    public static Instant now() {
        String configured = System.getProperty(PROPERTY, "");
        return configured.isBlank() ? DEFAULT_NOW : Instant.parse(configured);
    }

    public static Clock fixture() {
        return Clock.fixed(now(), ZoneOffset.UTC);
    }
}
