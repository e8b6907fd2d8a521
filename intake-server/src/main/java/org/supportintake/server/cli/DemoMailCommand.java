package org.supportintake.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.supportintake.server.config.IntakeConfig;
import org.supportintake.server.config.Setting;

/**
 * {@code demo-mail ADDRESS}: prints, decoded, the mail the service sent to ADDRESS, as the running server's demo mail
 * server holds it (GreenMail gives every recipient a mailbox whose login and password are the address).
 */
final class DemoMailCommand {

    private DemoMailCommand() {
    }

    /** Reads the demo mailbox on the port the server's demo mail server uses ({@code INTAKE_DEMO_IMAP_PORT}). */
    static int run(String address, IntakeConfig config, PrintStream out, PrintStream err) {
        return run(address, config.demoImapPort(), config.sourceOf(Setting.DEMO_IMAP_PORT), out, err);
    }

    static int run(String address, int imapPort, String portSetting, PrintStream out, PrintStream err) {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.connectiontimeout", "5000");
        properties.setProperty("mail.imap.timeout", "5000");
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            out.printf("%d message(s) for %s%n", messages.length, address);
            for (Message message : messages) {
                out.printf("%n--- %s%nSubject: %s%n%n%s%n", message.getSentDate(), message.getSubject(), text(message));
            }
            inbox.close(false);
            return 0;
        } catch (MessagingException | IOException e) {
            err.println("cannot read the demo mailbox of " + address + " on 127.0.0.1:" + imapPort + " (" + portSetting
                    + "; is the server running with the demo mail server?): " + e.getMessage());
            return 1;
        }
    }

    /** The plain-text part: what a person reads. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                String text = text(parts.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
