import java.io.BufferedReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server for the fault scripts, run as its own process ({@code java SmtpSink.java PORT FILE}) so a script
 * can stop and start it: it takes every mail and appends one line per mail to FILE, the moment in epoch
 * milliseconds and the mail's Message-ID, before it answers the final dot; with a third argument, it waits that
 * many milliseconds before answering (a slow server, so that a sender killed at any moment is likely mid-send).
 */
public final class SmtpSink {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long delay = args.length > 2 ? Long.parseLong(args[2]) : 0;
        PrintWriter received = new PrintWriter(new FileWriter(args[1], StandardCharsets.UTF_8, true), true);
        try (ServerSocket listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket client = listener.accept();
                Thread conversation = new Thread(() -> converse(client, received, delay), "smtp-client");
                conversation.setDaemon(true);
                conversation.start();
            }
        }
    }

    private static void converse(Socket client, PrintWriter received, long delay) {
        try (client) {
            var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
            reply(out, "220 sink ESMTP");
            boolean inData = false;
            String messageId = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (inData) {
                    if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                        messageId = line.substring(11).strip();
                    }
                    if (line.equals(".")) {
                        inData = false;
                        synchronized (received) {
                            received.println(System.currentTimeMillis() + " " + messageId);
                        }
                        messageId = null;
                        pause(delay);
                        reply(out, "250 2.0.0 queued");
                    }
                    continue;
                }
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
                } else if (command.startsWith("DATA")) {
                    inData = true;
                    reply(out, "354 end with <CRLF>.<CRLF>");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException gone) {
            // the sender closed the connection
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }
}
