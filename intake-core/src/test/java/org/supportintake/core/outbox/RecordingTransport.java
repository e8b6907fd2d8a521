package org.supportintake.core.outbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A mail server for the sender's logic: takes mail, or refuses it the way it is told to. The SMTP transport itself
 * is tested against GreenMail in mail-poller and end to end in intake-server.
 */
final class RecordingTransport implements MailTransport {

    enum Mode { ACCEPT, DOWN, REFUSE }

    final List<OutboxMessage> sent = new CopyOnWriteArrayList<>();
    final AtomicReference<Mode> mode = new AtomicReference<>(Mode.ACCEPT);
    final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void send(OutboxMessage message) {
        attempts.incrementAndGet();
        switch (mode.get()) {
            case DOWN -> throw new UnableToSendMailException("Connection refused: 127.0.0.1:25", false, null);
            case REFUSE -> throw new UnableToSendMailException("550 5.1.1 mailbox unavailable", true, null);
            default -> sent.add(message);
        }
    }

    List<String> sentIds() {
        return sent.stream().map(OutboxMessage::messageId).toList();
    }
}
