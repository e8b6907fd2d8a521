package org.supportintake.web.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.supportintake.core.testing.TestClocks;
import org.supportintake.core.ticket.TicketNumber;

class AcceptedResultsTest {

    /** A clock the test moves by hand. */
    private static final class MovingClock extends Clock {
        private Instant now = TestClocks.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();

    private static AcceptedResult result(int serial) {
        return new AcceptedResult("Обращение принято", TicketNumber.of(26, serial), TestClocks.now(), "…");
    }

    @Test
    void resultIsFoundUnderItsRandomIdUntilItsLifetimeEnds() {
        var results = new AcceptedResults(10, Duration.ofMinutes(30), clock);
        String id = results.keep(result(1));

        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(results.find(id)).contains(result(1));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(results.find(id)).isEmpty();
    }

    @Test
    void idsAreRandomAndCarryNothingOfTheResult() {
        var results = new AcceptedResults(10, Duration.ofMinutes(30), clock);

        String first = results.keep(result(1));
        String second = results.keep(result(1));

        assertThat(first).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(second);
    }

    @Test
    void oldestResultGoesWhenTheStoreIsFull() {
        var results = new AcceptedResults(2, Duration.ofMinutes(30), clock);
        String oldest = results.keep(result(1));
        String middle = results.keep(result(2));
        String newest = results.keep(result(3));

        assertThat(results.find(oldest)).isEmpty();
        assertThat(results.find(middle)).contains(result(2));
        assertThat(results.find(newest)).contains(result(3));
    }
}
