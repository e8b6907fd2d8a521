package org.supportintake.mail.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server for the replies GreenMail never gives: it answers every command with 250 except those
 * scripted ({@code "RCPT" -> "550 5.1.1 no such user"}, {@code "." -> …} for the end of DATA), or, when
 * silent, accepts connections and says nothing.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket listener;
    private final Map<String, String> replies;
    private final boolean silent;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    private ScriptedSmtpServer(Map<String, String> replies, boolean silent) {
        this.replies = replies;
        this.silent = silent;
        try {
            this.listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static ScriptedSmtpServer replying(String command, String reply) {
        return new ScriptedSmtpServer(Map.of(command, reply), false);
    }

    static ScriptedSmtpServer silent() {
        return new ScriptedSmtpServer(Map.of(), true);
    }

    String url() {
        return "smtp://127.0.0.1:" + listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                clients.add(client);
                if (!silent) {
                    converse(client);
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) throws IOException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 scripted ESMTP");
        boolean inData = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.split("[ :]", 2)[0].toUpperCase(Locale.ROOT);
            if (inData) {
                inData = !line.equals(".");
                if (!inData) {
                    reply(out, replies.getOrDefault(".", "250 queued"));
                }
            } else if (command.equals("DATA")) {
                inData = true;
                reply(out, "354 end with <CRLF>.<CRLF>");
            } else {
                reply(out, replies.getOrDefault(command, command.equals("QUIT") ? "221 bye" : "250 OK"));
            }
        }
        client.close();
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
