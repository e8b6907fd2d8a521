package org.supportintake.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.supportintake.core.testing.OnPostgres;
import org.supportintake.core.ticket.TicketNumber;

/** PostgreSQL's {@code ticket_number} (V18_1), which numbers tickets in the insert, writes what TicketNumber writes. */
class PostgresTicketNumberIT extends OnPostgres {

    @Test
    void writesEveryNumberAsTicketNumberDoes() {
        List<long[]> cases = new ArrayList<>();
        for (int year : new int[] {0, 7, 26, 99}) {
            for (long serial : new long[] {1, 9, 10, 4217, 999_999, 1_000_000, 9_999_999, 10_000_000, 123_456_789_012L}) {
                cases.add(new long[] {year, serial});
            }
        }
        for (long serial = 1; serial < 3000; serial += 7) {
            cases.add(new long[] {26, serial});
        }
        intake().jdbi().useHandle(h -> {
            for (long[] c : cases) {
                String written = h.createQuery("select ticket_number(:year, :serial)")
                        .bind("year", (int) c[0]).bind("serial", c[1]).mapTo(String.class).one();
                assertThat(written).isEqualTo(TicketNumber.of((int) c[0], c[1]).toString());
            }
        });
    }
}
