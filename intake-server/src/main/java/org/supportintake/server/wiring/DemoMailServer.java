package org.supportintake.server.wiring;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The embedded mail server of a fresh machine (GreenMail, in memory, loopback only): SMTP 3025 and
 * IMAP 3143, mailbox {@value #ADDRESS} with password {@value #PASSWORD}. Its mail is gone when the
 * server stops; configure INTAKE_IMAP_URL for a real mailbox.
 */
public final class DemoMailServer implements AutoCloseable {

    static final String ADDRESS = "support@localhost";
    static final String PASSWORD = "support";
    static final int SMTP_PORT = 3025;
    public static final int IMAP_PORT = 3143;

    private final GreenMail greenMail = new GreenMail(new ServerSetup[] {
        new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});

    DemoMailServer start() {
        greenMail.start();
        greenMail.setUser(ADDRESS, ADDRESS, PASSWORD);
        return this;
    }

    /** Where the service's own mail goes; GreenMail keeps every recipient's mail, readable over IMAP. */
    static String smtpUrl() {
        return "smtp://127.0.0.1:" + SMTP_PORT;
    }

    String imapUrl() {
        return "imap://" + ADDRESS.replace("@", "%40") + ":" + PASSWORD + "@127.0.0.1:" + IMAP_PORT + "/INBOX";
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
