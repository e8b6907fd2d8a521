package org.supportintake.mail.imap;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Function;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.supportintake.attachments.policy.AttachmentInspector;
import org.supportintake.attachments.policy.AttachmentPolicy;
import org.supportintake.attachments.store.FileStore;
import org.supportintake.core.intake.IntakeService;
import org.supportintake.core.testing.IntakeFixture;
import org.supportintake.mail.MailIntake;
import org.supportintake.mail.classify.MailClassifier;
import org.supportintake.mail.mime.MailReader;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;

import javax.sql.DataSource;

/** The real mail path on a database and a GreenMail mailbox: deliver raw mail, poll, count what landed where. */
final class MailFixture {

    static final String ADDRESS = "support@localhost";
    static final String PASSWORD = "s3cret:p@ss/word";

    private final GreenMailOperations greenMail;
    private final IntakeFixture intake;
    private final MailIntake mailIntake;
    private final FileStore store;
    private final GreenMailUser user;

    MailFixture(GreenMailOperations greenMail, DataSource dataSource, Path files) {
        this(greenMail, dataSource, files, IntakeFixture::service);
    }

    /** With the intake service {@code service} makes of the fixture (a stage spliced in, say). */
    MailFixture(GreenMailOperations greenMail, DataSource dataSource, Path files,
                Function<IntakeFixture, IntakeService> service) {
        this.greenMail = greenMail;
        this.intake = IntakeFixture.on(dataSource);
        this.store = new FileStore(files);
        this.mailIntake = new MailIntake(store, new AttachmentInspector(store), AttachmentPolicy.email(),
                new MailReader(), new MailClassifier(ADDRESS), service.apply(intake), 50L * 1024 * 1024);
        this.user = greenMail.setUser(ADDRESS, ADDRESS, PASSWORD);
    }

    MailboxPoller poller() {
        return poller(new FolderMoves());
    }

    /** One poll of the mailbox by a poller opened and closed for it. */
    void pollOnce() {
        try (MailboxPoller poller = poller()) {
            poller.poll();
        }
    }

    MailboxPoller poller(FolderMoves moves) {
        return poller(greenMail.getImap().getPort(), moves);
    }

    /** A poller that reaches the mailbox through {@code port} (a proxy, say). */
    MailboxPoller poller(int port) {
        return poller(port, new FolderMoves());
    }

    private MailboxPoller poller(int port, FolderMoves moves) {
        return poller(port, moves, 50);
    }

    /** A poller taking batches of {@code batchSize}. */
    MailboxPoller pollerInBatchesOf(int batchSize, FolderMoves moves) {
        return poller(greenMail.getImap().getPort(), moves, batchSize);
    }

    private MailboxPoller poller(int port, FolderMoves moves, int batchSize) {
        String url = "imap://" + ADDRESS.replace("@", "%40") + ":" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "@127.0.0.1:" + port + "/INBOX";
        return new MailboxPoller(MailboxSettings.parse(url), mailIntake, batchSize, Clock.systemUTC(), Duration.ofMillis(50),
                moves);
    }

    void deliver(String raw) {
        deliver(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void deliver(byte[] raw) {
        try {
            user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many messages {@code folder} holds; a folder that does not exist, or a failed lookup, fails the test. */
    int inFolder(String folder) {
        try {
            return greenMail.getManagers().getImapHostManager().getFolder(user, folder, true).getMessageCount();
        } catch (FolderException e) {
            throw new IllegalStateException("no folder " + folder + " in " + ADDRESS, e);
        }
    }

    /** The mail path the pollers use. */
    MailIntake mailIntake() {
        return mailIntake;
    }

    FileStore store() {
        return store;
    }

    IntakeFixture intake() {
        return intake;
    }

    static String mail(String messageId, String from, String subject, String body, String extraHeaders) {
        return "Message-ID: " + messageId + "\nFrom: " + from + "\nTo: support@localhost\nSubject: " + subject
                + "\nMIME-Version: 1.0\n" + extraHeaders + "Content-Type: text/plain; charset=utf-8\n"
                + "Content-Transfer-Encoding: 8bit\n\n" + body + "\n";
    }

}
