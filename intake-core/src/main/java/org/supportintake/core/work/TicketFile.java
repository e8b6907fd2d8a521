package org.supportintake.core.work;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.supportintake.attachments.policy.RejectionReason;
import org.supportintake.core.log.EventKind;
import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.ticket.TicketStatus;

/**
 * Everything staff see of one ticket: where it stands, who asked, every message with its files, what happened and every
 * mail we wrote about it. Personal data: whoever reads it must write an audit row first.
 */
public record TicketFile(Summary summary, Requester requester, List<Message> messages, List<Event> events,
                         List<Mail> mails) {

    public TicketFile {
        messages = List.copyOf(messages);
        events = List.copyOf(events);
        mails = List.copyOf(mails);
    }

    /** The queue's facts of the ticket. {@code assignee} is the login that took it, if any. */
    public record Summary(long id, TicketNumber number, Channel channel, TicketStatus status, Priority priority,
                          String category, String title, Instant createdAt, Instant dueAt, boolean overdue,
                          boolean atRisk, boolean repeatRequest, Optional<String> assignee,
                          Optional<String> relatedTicket) {
    }

    /** Who wrote: as given; {@code consentAt} is when the form's consent was given (mail carries none). */
    public record Requester(String name, String email, String phone, String callbackTime, Optional<Instant> consentAt,
                            Optional<String> consentVersion) {
    }

    /** One message on the ticket, oldest first; {@code text} is what is new in it, {@code quoted} what it quoted. */
    public record Message(long id, String direction, Channel channel, String senderName, String senderEmail,
                          Instant receivedAt, String subject, String text, String quoted, List<Attachment> attachments) {

        public Message {
            attachments = List.copyOf(attachments);
        }
    }

    /** A file that came with a message: accepted (and stored) or rejected with its reason. */
    public record Attachment(long id, String name, String detectedType, long size, boolean accepted,
                             Optional<RejectionReason> reason) {

        /** Why it was not accepted, as the citizen was told it; empty for an accepted file. */
        public String reasonSentence() {
            return reason.map(RejectionReason::sentence).orElse("");
        }
    }

    /** One intake-log event on the ticket; {@code staff} is empty when the service did it. */
    public record Event(Instant at, EventKind kind, String staff, String detail) {
    }

    /** One outgoing mail about the ticket and how its delivery stands. */
    public record Mail(long id, OutboxKind kind, String recipient, String subject, Instant createdAt,
                       Optional<Instant> sentAt, int attempts, Optional<String> lastError, MailState state) {
    }

    /** Where an outgoing mail stands. */
    public enum MailState {
        SENT("sent", "Отправлено"),
        PENDING("pending", "Ждёт отправки"),
        FAILED("failed", "Не доставлено"),
        /** Withdrawn before it left: the ticket was marked as not a request. */
        CANCELLED("cancelled", "Отменено");

        private final String code;
        private final String title;

        MailState(String code, String title) {
            this.code = code;
            this.title = title;
        }

        public String code() {
            return code;
        }

        public String title() {
            return title;
        }
    }
}
