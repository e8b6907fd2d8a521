package org.supportintake.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.supportintake.core.jdbc.Database;
import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;

import com.zaxxer.hikari.HikariDataSource;

class DatabasePoolTest {

    @Test
    void transactionsRunReadCommittedWhateverTheDatabaseDefault() throws Exception {
        String url = Database.h2MemoryUrl("pool" + UUID.randomUUID().toString().replace("-", ""))
                + ";INIT=SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE";
        IntakeConfig config = IntakeConfig.of(setting -> Optional.ofNullable(Map.of(Setting.DB_URL, url).get(setting)));

        try (HikariDataSource dataSource = IntakeApplication.dataSource(config)) {
            int level = Database.jdbi(dataSource).inTransaction(handle -> handle.getConnection().getTransactionIsolation());

            assertThat(level).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }
    }
}
