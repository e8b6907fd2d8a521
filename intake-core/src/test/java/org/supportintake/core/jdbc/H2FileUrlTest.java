package org.supportintake.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database survives a thread interrupted while it writes (as at shutdown, or a nudge cut short). */
class H2FileUrlTest {

    @TempDir
    Path directory;

    @Test
    void aWriterInterruptedMidWriteLeavesTheDatabaseOpenForEveryoneElse() throws Exception {
        String url = Database.h2FileUrl(directory);
        try (Connection reader = DriverManager.getConnection(url, "sa", "")) {
            reader.createStatement().execute("create table written (n int)");
            AtomicInteger rows = new AtomicInteger();
            Thread writer = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url, "sa", "");
                     Statement statement = connection.createStatement()) {
                    while (rows.get() < 200_000) {
                        statement.execute("insert into written values (" + rows.incrementAndGet() + ")");
                    }
                } catch (SQLException interrupted) {
                    // the writer may give up; the database must not
                }
            });
            writer.start();
            while (rows.get() < 100) {
                Thread.onSpinWait();
            }
            writer.interrupt();
            writer.join();

            try (ResultSet count = reader.createStatement().executeQuery("select count(*) from written")) {
                count.next();
                assertThat(count.getInt(1)).isPositive();
            }
            reader.createStatement().execute("insert into written values (-1)");
        }
    }
}
