package org.supportintake.web.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.jdbc.JdbcAcceptedResults;
import org.supportintake.core.testing.SettableClock;
import org.supportintake.core.testing.TestClocks;
import org.supportintake.core.testing.TestDatabases;
import org.supportintake.core.ticket.TicketNumber;

import com.zaxxer.hikari.HikariDataSource;

class AcceptedResultsTest {

    private final SettableClock clock = new SettableClock();
    private HikariDataSource database;
    private AcceptedResults results;

    @BeforeEach
    void open() {
        clock.set(TestClocks.now());
        database = TestDatabases.h2();
        Database.migrate(database);
        results = new AcceptedResults(new JdbcAcceptedResults(Database.jdbi(database)), Duration.ofMinutes(30), clock);
    }

    @AfterEach
    void close() {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("shutdown"); // an in-memory H2 outlives its pool (DB_CLOSE_DELAY=-1)
        } catch (java.sql.SQLException closedByTheShutdown) {
            // the pool's connection goes with the database
        }
        database.close();
    }

    private static AcceptedResult result(int serial) {
        return new AcceptedResult("Обращение принято", TicketNumber.of(26, serial),
                TestClocks.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), "Подтверждение … на адрес a@example.ru.");
    }

    @Test
    void resultIsFoundUnderItsRandomIdUntilItsLifetimeEnds() {
        String id = results.keep(result(1));

        clock.advance(Duration.ofMinutes(29));
        assertThat(results.find(id)).contains(result(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(results.find(id)).isEmpty();
    }

    @Test
    void idsAreRandomAndCarryNothingOfTheResult() {
        String first = results.keep(result(1));
        String second = results.keep(result(1));

        assertThat(first).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(second);
        assertThat(results.find("not an id")).isEmpty();
    }

    @Test
    void resultsPastTheirTimeAreDeletedAsNewOnesAreKept() {
        results.keep(result(1));
        clock.advance(Duration.ofMinutes(31));
        String newest = results.keep(result(2));

        int kept = Database.jdbi(database).withHandle(h -> h.createQuery("select count(*) from accepted_result")
                .mapTo(Integer.class).one());
        assertThat(kept).isEqualTo(1);
        assertThat(results.find(newest)).contains(result(2));
    }
}
