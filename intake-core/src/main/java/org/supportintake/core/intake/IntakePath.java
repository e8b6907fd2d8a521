package org.supportintake.core.intake;

import java.time.Clock;
import java.util.List;

import org.supportintake.core.outbox.AcknowledgementLimit;
import org.supportintake.core.outbox.AcknowledgementText;
import org.supportintake.core.outbox.OutgoingMessageIds;
import org.supportintake.core.sla.ReplyClock;
import org.supportintake.core.validation.IntakeValidator;

/** The one path every message takes, in order. This list is the only place the order is written. */
public final class IntakePath {

    private IntakePath() {
    }

    public static List<IntakeStage> stages(IntakeValidator validator, ReplyClock replyClock,
                                           AcknowledgementText acknowledgements, OutgoingMessageIds messageIds,
                                           AcknowledgementLimit limit, Clock clock) {
        AutomaticReply reply = new AutomaticReply(messageIds, limit, clock);
        return List.of(
                new DropDuplicate(),
                new ValidateSubmission(validator, new UnusableEmailReply(acknowledgements, reply, clock)),
                new ThreadOntoTicket(replyClock),
                new OpenTicket(replyClock),
                new StoreMessage(),
                new WriteAcknowledgement(acknowledgements, reply),
                new AppendIntakeLog(clock));
    }
}
