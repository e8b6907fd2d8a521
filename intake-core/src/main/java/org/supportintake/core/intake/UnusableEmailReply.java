package org.supportintake.core.intake;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.outbox.AcknowledgementLimit;
import org.supportintake.core.outbox.AcknowledgementText;
import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.outbox.OutboxMessage;
import org.supportintake.core.outbox.OutgoingMessageIds;
import org.supportintake.core.submission.EmailFacts;
import org.supportintake.core.validation.Violation;

/**
 * What happens to an email that breaks a rule: it is recorded (so a second delivery changes
 * nothing) and, when its sender can be answered, told why it made no ticket.
 */
public final class UnusableEmailReply {

    private final AcknowledgementText text;
    private final OutgoingMessageIds messageIds;
    private final AcknowledgementLimit limit;
    private final Clock clock;

    public UnusableEmailReply(AcknowledgementText text, OutgoingMessageIds messageIds, AcknowledgementLimit limit,
                              Clock clock) {
        this.text = text;
        this.messageIds = messageIds;
        this.limit = limit;
        this.clock = clock;
    }

    void handle(IntakeContext context, List<Violation> violations) {
        var submission = context.submission();
        var stores = context.stores();
        stores.receipts().add(submission.externalId(), submission.channel(), "invalid", submission.receivedAt(),
                submission.emailFacts().map(EmailFacts::rawSha256).orElse(""));
        String codes = violations.stream().map(Violation::code).collect(Collectors.joining(","));
        stores.log().append(IntakeEvent.withoutTicket(clock.instant(), EventKind.EMAIL_REJECTED, submission.channel(),
                submission.externalId(), codes));
        boolean answerable = violations.stream().noneMatch(v -> v.field().equals("email"));
        String recipient = submission.sender().email().strip();
        if (answerable && limit.allows(stores.outbox(), recipient)) {
            EmailFacts facts = submission.emailFacts().orElse(EmailFacts.NONE);
            stores.outbox().add(new OutboxMessage(OptionalLong.empty(), OutboxKind.EXPLANATION, messageIds.next(),
                    recipient, text.explanationSubject(submission.subject()),
                    text.explanationBody(submission.sender().fullName(), context.rejectedAttachments()),
                    facts.messageId(), facts.replyReferences(), submission.receivedAt()));
        }
    }
}
