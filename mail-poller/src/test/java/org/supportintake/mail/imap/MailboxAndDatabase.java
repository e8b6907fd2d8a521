package org.supportintake.mail.imap;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.supportintake.core.intake.AppendIntakeLog;
import org.supportintake.core.intake.IntakeService;
import org.supportintake.core.intake.IntakeStage;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.core.testing.TestDatabases;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;

/** GreenMail's IMAP server on a free port and a fresh database, both for one test: the mail path's real parts. */
final class MailboxAndDatabase extends GreenMailExtension {

    private final Supplier<HikariDataSource> open;
    private final Consumer<HikariDataSource> close;
    private HikariDataSource dataSource;

    private MailboxAndDatabase(Supplier<HikariDataSource> open, Consumer<HikariDataSource> close) {
        super(ServerSetupTest.IMAP.dynamicPort());
        this.open = open;
        this.close = close;
    }

    static MailboxAndDatabase onH2() {
        return new MailboxAndDatabase(TestDatabases::h2, HikariDataSource::close);
    }

    static MailboxAndDatabase onPostgres() {
        return new MailboxAndDatabase(TestDatabases::postgresSchema, TestDatabases::dropPostgresSchema);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        super.beforeEach(context);
        dataSource = open.get();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (dataSource != null) {
                close.accept(dataSource);
            }
        } finally {
            dataSource = null;
            super.afterEach(context);
        }
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    /** The real mail path on this mailbox and database, its files under {@code files}. */
    MailFixture fixture(Path files) {
        return new MailFixture(this, dataSource, files);
    }

    /** As {@link #fixture(Path)}, with {@code stage} spliced into the intake path after the intake log. */
    MailFixture fixtureWithStage(Path files, IntakeStage stage) {
        return fixture(files, intake -> intake.serviceWithStageAfter(AppendIntakeLog.class, stage));
    }

    /** As {@link #fixture(Path)}, with the intake service {@code service} makes of the fixture. */
    MailFixture fixture(Path files, Function<IntakeFixture, IntakeService> service) {
        return new MailFixture(this, dataSource, files, service);
    }
}
