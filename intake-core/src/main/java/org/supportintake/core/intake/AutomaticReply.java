package org.supportintake.core.intake;

import java.time.Clock;
import java.util.OptionalLong;

import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.outbox.AcknowledgementLimit;
import org.supportintake.core.outbox.MailBody;
import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.outbox.OutboxMessage;
import org.supportintake.core.outbox.OutgoingMessageIds;
import org.supportintake.core.submission.EmailFacts;

/**
 * Puts an automatic mail to the sender into the outbox, as a reply in their thread with our own
 * Message-ID, unless the sender has had the hour's limit (then the intake log says so). The row is
 * dated when it is written, not when the message arrived, so a backlog worked off late still counts.
 */
public final class AutomaticReply {

    private final OutgoingMessageIds messageIds;
    private final AcknowledgementLimit limit;
    private final Clock clock;

    public AutomaticReply(OutgoingMessageIds messageIds, AcknowledgementLimit limit, Clock clock) {
        this.messageIds = messageIds;
        this.limit = limit;
        this.clock = clock;
    }

    void write(IntakeContext context, OptionalLong ticketId, OutboxKind kind, String subject, MailBody body) {
        var submission = context.submission();
        var stores = context.stores();
        String recipient = submission.sender().email().strip();
        EmailFacts facts = submission.emailFacts().orElse(EmailFacts.NONE);
        limit.write(stores.outbox(), new OutboxMessage(ticketId, kind, messageIds.next(), recipient, subject,
                        body.text(), body.html(), facts.messageId(), facts.replyReferences(), clock.instant()),
                new IntakeEvent(clock.instant(), EventKind.ACKNOWLEDGEMENT_SUPPRESSED, submission.channel(),
                        submission.externalId(), ticketId, "limit per hour reached"));
    }
}
