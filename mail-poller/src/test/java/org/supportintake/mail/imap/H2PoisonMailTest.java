package org.supportintake.mail.imap;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2PoisonMailTest implements PoisonMailContract {

    @RegisterExtension
    final MailboxAndDatabase mailbox = MailboxAndDatabase.onH2();

    @TempDir
    Path files;

    private MailFixture mail;

    @BeforeEach
    void setUp() {
        // RFC 3501 §5.4: a server waits at least 30 minutes before logging an idle client out; GreenMail, 30 seconds.
        mailbox.getImap().setClientSocketTimeout(30 * 60 * 1000);
        mail = mailbox.fixture(files);
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
