package org.supportintake.server.it;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An SMTP server that takes the first {@code answered} mails as any server would, and of every later one reads the
 * whole message and then never answers its end of DATA: the sender is left in the middle of sending, as when a
 * node dies after the server took a mail and before it learnt so. Every conversation runs on its own thread.
 */
final class HeldSmtpServer implements AutoCloseable {

    /** One message as this server saw it: when its conversation began, its Message-ID, whether it was answered. */
    record Received(Instant connectedAt, String messageId, boolean answered) {
    }

    private final ServerSocket listener;
    private final int answered;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    HeldSmtpServer(int answered) {
        this.answered = answered;
        try {
            this.listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "held-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "smtp://127.0.0.1:" + listener.getLocalPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until a message matching {@code wanted} has been read whole; fails after {@code limit}. */
    Received await(Predicate<Received> wanted, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            for (Received message : received) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such message within " + limit + "; received " + received);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                clients.add(client);
                Instant connectedAt = Instant.now();
                Thread conversation = new Thread(() -> converse(client, connectedAt), "held-smtp-client");
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client, Instant connectedAt) {
        try (client) {
            var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
            reply(out, "220 held ESMTP");
            boolean inData = false;
            String messageId = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (inData) {
                    if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                        messageId = line.substring(11).strip();
                    }
                    if (line.equals(".")) {
                        inData = false;
                        boolean answer;
                        synchronized (received) {
                            answer = received.size() < answered;
                            received.add(new Received(connectedAt, messageId, answer));
                        }
                        if (answer) {
                            reply(out, "250 2.0.0 queued");
                        }
                        // else: the reply never comes; the next readLine waits until the sender dies
                    }
                } else if (line.toUpperCase(Locale.ROOT).startsWith("DATA")) {
                    inData = true;
                    reply(out, "354 end with <CRLF>.<CRLF>");
                } else if (line.toUpperCase(Locale.ROOT).startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException senderGone) {
            // the sender was killed or closed the connection
        }
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
