package org.supportintake.core.ticket;

import org.supportintake.core.sla.ReplyDeadline;
import java.util.Optional;

import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Submission;

/** A ticket about to be opened from a valid submission; its number will be the next serial of {@code year} (two digits). */
public record NewTicket(int year, Submission submission, Priority priority, String title,
                        String phoneE164, ReplyDeadline deadline, Optional<TicketNumber> relatedTicket) {

    public Channel channel() {
        return submission.channel();
    }
}
