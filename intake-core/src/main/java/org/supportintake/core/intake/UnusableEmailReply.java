package org.supportintake.core.intake;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.outbox.AcknowledgementText;
import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.submission.EmailFacts;
import org.supportintake.core.validation.Violation;

/**
 * What happens to an email that breaks a rule: it is recorded (so a second delivery changes
 * nothing) and, when its sender can be answered, told why it made no ticket.
 */
public final class UnusableEmailReply {

    private final AcknowledgementText text;
    private final AutomaticReply reply;
    private final Clock clock;

    public UnusableEmailReply(AcknowledgementText text, AutomaticReply reply, Clock clock) {
        this.text = text;
        this.reply = reply;
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
        if (answerable) {
            reply.write(context, OptionalLong.empty(), OutboxKind.EXPLANATION,
                    text.explanationSubject(submission.subject()),
                    text.explanationBody(submission.sender().fullName(), submission.subject(),
                            context.rejectedAttachments()));
        }
    }
}
