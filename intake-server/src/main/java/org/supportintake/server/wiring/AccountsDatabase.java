package org.supportintake.server.wiring;

import java.time.Clock;
import java.time.ZoneOffset;

import org.jdbi.v3.core.Jdbi;
import org.supportintake.core.jdbc.Database;
import org.supportintake.core.jdbc.JdbcAuditTrail;
import org.supportintake.core.jdbc.JdbcStaffAccounts;
import org.supportintake.core.staff.StaffAdministration;
import org.supportintake.server.config.IntakeConfig;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The configured database alone, migrated, for the {@code staff} commands: no HTTP, no mail, no scheduler, so an
 * administrator can run them beside a serving node (or before the first start).
 */
public final class AccountsDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final StaffAdministration administration;

    private AccountsDatabase(HikariDataSource dataSource, StaffAdministration administration) {
        this.dataSource = dataSource;
        this.administration = administration;
    }

    public static AccountsDatabase open(IntakeConfig config) {
        IntakeApplication.createDirectory(config.dataDir());
        HikariDataSource dataSource = IntakeApplication.dataSource(config);
        try {
            Database.migrate(dataSource);
            Jdbi jdbi = Database.jdbi(dataSource);
            Clock clock = Clock.tickSeconds(ZoneOffset.UTC);
            return new AccountsDatabase(dataSource, new JdbcStaffAccounts(jdbi, new JdbcAuditTrail(jdbi), clock));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public StaffAdministration administration() {
        return administration;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
