package org.supportintake.mail.imap;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supportintake.core.testing.TestDatabases;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2PoisonMailTest implements PoisonMailContract {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @TempDir
    Path files;

    private HikariDataSource dataSource;
    private MailFixture mail;

    @BeforeEach
    void setUp() {
        // RFC 3501 §5.4: a server waits at least 30 minutes before logging an idle client out; GreenMail, 30 seconds.
        greenMail.getImap().setClientSocketTimeout(30 * 60 * 1000);
        dataSource = TestDatabases.h2();
        mail = new MailFixture(greenMail, dataSource, files);
    }

    @AfterEach
    void tearDown() {
        dataSource.close();
    }

    @Override
    public MailFixture mail() {
        return mail;
    }

    @Override
    public Stream<PoisonMail> poisons() {
        return Stream.of(PoisonMail.values());
    }
}
