package org.supportintake.core.outbox;

import java.time.Clock;
import java.time.Duration;

import org.supportintake.core.log.IntakeEvent;

/**
 * At most N automatic mails per recipient per hour, whatever they send: a loop with another
 * autoresponder, or a form abused to spam an address, stops here. Thread-safe.
 */
public final class AcknowledgementLimit {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final int perHour;
    private final Clock clock;

    public AcknowledgementLimit(int perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Whether one more automatic mail to {@code recipient} is allowed now. */
    public boolean allows(OutboxStore outbox, String recipient) {
        return outbox.countTo(recipient, clock.instant().minus(WINDOW)) < perHour;
    }

    /**
     * Puts {@code mail} into the outbox if its recipient is within the limit, else {@code heldBack} into the intake log;
     * the database decides, so that both may go in the round trip of the transaction's next statement.
     */
    public void write(OutboxStore outbox, OutboxMessage mail, IntakeEvent heldBack) {
        outbox.addWithin(mail, clock.instant().minus(WINDOW), perHour, heldBack);
    }
}
