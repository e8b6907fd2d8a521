package org.supportintake.server.wiring;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The embedded mail server of a fresh machine (GreenMail, in memory, loopback only): SMTP and IMAP on
 * {@code INTAKE_DEMO_SMTP_PORT} (3025) and {@code INTAKE_DEMO_IMAP_PORT} (3143), mailbox {@value #ADDRESS} with
 * password {@value #PASSWORD}. Its mail is gone when the server stops; configure INTAKE_IMAP_URL for a real mailbox.
 */
public final class DemoMailServer implements AutoCloseable {

    static final String ADDRESS = "support@localhost";
    static final String PASSWORD = "support";
    static final String HOST = "127.0.0.1";

    private final int smtpPort;
    private final int imapPort;
    private final GreenMail greenMail;

    private DemoMailServer(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)});
    }

    /**
     * Starts on the configured ports; a port another process holds is an {@link UnableToStartException} naming the
     * port and its setting, since a second instance on one machine meets exactly that.
     */
    static DemoMailServer start(IntakeConfig config) {
        DemoMailServer demo = new DemoMailServer(config.demoSmtpPort(), config.demoImapPort());
        // Tried before GreenMail binds: its server threads print a stack trace for a port taken.
        for (Setting setting : List.of(Setting.DEMO_SMTP_PORT, Setting.DEMO_IMAP_PORT)) {
            int port = setting == Setting.DEMO_SMTP_PORT ? demo.smtpPort : demo.imapPort;
            inUse(port).ifPresent(taken -> {
                throw new UnableToStartException("Demo mail server: port " + port + " on " + HOST + " is in use ("
                        + config.sourceOf(setting) + "); set another port, or INTAKE_IMAP_URL and INTAKE_SMTP_URL "
                        + "for a real mail server", taken);
            });
        }
        try {
            demo.greenMail.start();
        } catch (RuntimeException failed) {
            demo.close();
            throw new UnableToStartException("Demo mail server: cannot start on " + HOST + ", ports " + demo.smtpPort
                    + " and " + demo.imapPort + ": " + String.valueOf(failed.getMessage()).lines().findFirst().orElse(""),
                    failed);
        }
        demo.greenMail.setUser(ADDRESS, ADDRESS, PASSWORD);
        return demo;
    }

    /** Why {@code port} on the loopback address cannot be bound; empty when it can. */
    private static Optional<IOException> inUse(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return Optional.empty();
        } catch (IOException taken) {
            return Optional.of(taken);
        }
    }

    /** Where the service's own mail goes; GreenMail keeps every recipient's mail, readable over IMAP. */
    static String smtpUrl(int port) {
        return "smtp://" + HOST + ":" + port;
    }

    String imapUrl() {
        return "imap://" + ADDRESS.replace("@", "%40") + ":" + PASSWORD + "@" + HOST + ":" + imapPort + "/INBOX";
    }

    int smtpPort() {
        return smtpPort;
    }

    int imapPort() {
        return imapPort;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
