package org.supportintake.core.outbox;

import org.supportintake.core.submission.Channel;

/** An outbox row claimed for sending: its id, the attempt this is (1 for the first), its ticket's channel, the mail. */
public record PendingMail(long id, int attempt, Channel channel, OutboxMessage message) {
}
