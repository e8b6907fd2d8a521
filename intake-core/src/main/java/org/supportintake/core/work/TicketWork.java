package org.supportintake.core.work;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.supportintake.core.intake.Stores;
import org.supportintake.core.intake.Transactions;
import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.outbox.AcknowledgementLimit;
import org.supportintake.core.outbox.MailBody;
import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.outbox.OutboxMessage;
import org.supportintake.core.outbox.OutboxNudge;
import org.supportintake.core.outbox.OutgoingMessageIds;
import org.supportintake.core.sla.ReplyClock;
import org.supportintake.core.sla.ReplyDeadline;
import org.supportintake.core.sla.ServiceLevel;
import org.supportintake.core.submission.Category;
import org.supportintake.core.ticket.Priority;
import org.supportintake.core.ticket.Ticket;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.ticket.TicketStatus;

/**
 * Staff's moves on a ticket (DESIGN.md, "Statuses and the reply clock"): take into work, ask the citizen, resolve,
 * close, extend the due time, change category or priority, mark as not a request. Each is one transaction that writes its intake-log event,
 * with the staff login, and the mail the citizen gets. Thread-safe.
 */
public final class TicketWork {

    private static final Set<TicketStatus> OPEN = EnumSet.of(TicketStatus.ACCEPTED, TicketStatus.IN_PROGRESS,
            TicketStatus.WAITING_FOR_CITIZEN);
    private static final int THREAD_DEPTH = 20;

    private final Transactions transactions;
    private final ReplyClock replyClock;
    private final CitizenNotices notices;
    private final OutgoingMessageIds messageIds;
    private final AcknowledgementLimit limit;
    private final OutboxNudge nudge;
    private final Clock clock;

    public TicketWork(Transactions transactions, ReplyClock replyClock, CitizenNotices notices,
                      OutgoingMessageIds messageIds, AcknowledgementLimit limit, OutboxNudge nudge, Clock clock) {
        this.transactions = transactions;
        this.replyClock = replyClock;
        this.notices = notices;
        this.messageIds = messageIds;
        this.limit = limit;
        this.nudge = nudge;
        this.clock = clock;
    }

    /** {@code staff} takes the ticket; the citizen hears of it when it leaves «Принято». */
    public WorkOutcome take(TicketNumber number, String staff) {
        return on(number, (stores, ticket) -> {
            if (ticket.status() != TicketStatus.ACCEPTED && ticket.status() != TicketStatus.IN_PROGRESS) {
                return notAllowed(ticket);
            }
            stores.tickets().assign(ticket.id(), staff, TicketStatus.IN_PROGRESS);
            log(stores, ticket, EventKind.TICKET_TAKEN, staff, "");
            if (ticket.status() == TicketStatus.ACCEPTED) {
                statusMail(stores, ticket, notices.takenSubject(ticket.number()),
                        notices.taken(ticket.number(), ticket.dueAt()));
            }
            return new WorkOutcome.Done(TicketStatus.IN_PROGRESS);
        });
    }

    /** Asks the citizen {@code question}; the ticket waits for them and its clock pauses. */
    public WorkOutcome ask(TicketNumber number, String staff, String question) {
        return answer(number, staff, TicketStatus.WAITING_FOR_CITIZEN, EventKind.STAFF_ASKED, ticket ->
                mail(ticket, OutboxKind.STAFF_NOTICE, notices.questionSubject(ticket.number()),
                        notices.question(ticket.number(), question)));
    }

    /** Answers the citizen; the ticket is resolved and reopens if they write within the reopen window. */
    public WorkOutcome resolve(TicketNumber number, String staff, String answer) {
        return answer(number, staff, TicketStatus.RESOLVED, EventKind.TICKET_RESOLVED, ticket ->
                mail(ticket, OutboxKind.STAFF_NOTICE, notices.answerSubject(ticket.number()),
                        notices.answer(ticket.number(), answer, replyClock.reopenDays(), ticket.id(), clock.instant())));
    }

    public WorkOutcome close(TicketNumber number, String staff) {
        return on(number, (stores, ticket) -> {
            if (ticket.status() != TicketStatus.RESOLVED) {
                return new WorkOutcome.NotAllowed("Закрыть можно только решённое обращение.");
            }
            stores.tickets().updateStatus(ticket.id(), TicketStatus.CLOSED);
            log(stores, ticket, EventKind.TICKET_CLOSED, staff, "");
            return new WorkOutcome.Done(TicketStatus.CLOSED);
        });
    }

    /**
     * Marks the ticket as not a request (spam): closed at once from any status but closed, with no mail to the sender,
     * and the mail not yet sent about it withdrawn, since spam's sender address is often someone else's.
     */
    public WorkOutcome markNotARequest(TicketNumber number, String staff) {
        return on(number, (stores, ticket) -> {
            if (ticket.status() == TicketStatus.CLOSED) {
                return notAllowed(ticket);
            }
            stores.tickets().updateStatus(ticket.id(), TicketStatus.CLOSED);
            int withdrawn = stores.outbox().cancelPending(ticket.id(), clock.instant());
            log(stores, ticket, EventKind.MARKED_NOT_A_REQUEST, staff,
                    ticket.status().code() + " -> closed; unsent mail withdrawn: " + withdrawn);
            return new WorkOutcome.Done(TicketStatus.CLOSED);
        });
    }

    /** Moves the due time to {@code newDue}, a later working time, and tells the citizen why. */
    public WorkOutcome extend(TicketNumber number, String staff, Instant newDue, String reason) {
        return on(number, (stores, ticket) -> {
            if (!OPEN.contains(ticket.status())) {
                return notAllowed(ticket);
            }
            if (!newDue.isAfter(ticket.dueAt()) || !replyClock.endsBusinessTime(newDue)) {
                return new WorkOutcome.NotAllowed("Новый срок должен быть позже прежнего и приходиться на рабочее время.");
            }
            if (reason.isBlank()) {
                return new WorkOutcome.NotAllowed("Укажите причину переноса срока: её увидит заявитель.");
            }
            ReplyDeadline extended = replyClock.extend(ticket.deadline(), newDue);
            stores.tickets().reschedule(ticket.id(), ticket.category(), ticket.priority(), extended);
            log(stores, ticket, EventKind.DUE_EXTENDED, staff, ticket.dueAt() + " -> " + extended.dueAt());
            MailBody notice = notices.delay(ticket.number(), ticket.dueAt(), extended.dueAt(), reason);
            stores.outbox().add(threaded(stores,
                    mail(ticket, OutboxKind.STAFF_NOTICE, notices.delaySubject(ticket.number()), notice)));
            return new WorkOutcome.Done(ticket.status());
        });
    }

    /** A new category; priority and due time follow it, counted from when the ticket was received. */
    public WorkOutcome changeCategory(TicketNumber number, String staff, Category category) {
        ServiceLevel level = ServiceLevel.of(category);
        return reschedule(number, staff, EventKind.CATEGORY_CHANGED, category.code(), level.priority(),
                level.businessDays(), ticket -> ticket.category() + " -> " + category.code());
    }

    /** A new priority; the due time follows it (high 1, normal 3, low 5 business days from receipt). */
    public WorkOutcome changePriority(TicketNumber number, String staff, Priority priority) {
        int days = switch (priority) {
            case HIGH -> 1;
            case NORMAL -> 3;
            case LOW -> 5;
        };
        return reschedule(number, staff, EventKind.PRIORITY_CHANGED, null, priority, days,
                ticket -> ticket.priority().code() + " -> " + priority.code());
    }

    private WorkOutcome reschedule(TicketNumber number, String staff, EventKind kind, String category, Priority priority,
                                   int businessDays, Function<Ticket, String> detail) {
        return on(number, (stores, ticket) -> {
            if (!OPEN.contains(ticket.status())) {
                return notAllowed(ticket);
            }
            stores.tickets().reschedule(ticket.id(), category == null ? ticket.category() : category, priority,
                    replyClock.start(ticket.createdAt(), businessDays));
            log(stores, ticket, kind, staff, detail.apply(ticket));
            return new WorkOutcome.Done(ticket.status());
        });
    }

    private WorkOutcome answer(TicketNumber number, String staff, TicketStatus leaves, EventKind kind,
                               Function<Ticket, OutboxMessage> mail) {
        return on(number, (stores, ticket) -> {
            if (!OPEN.contains(ticket.status()) || ticket.status() == leaves) {
                return notAllowed(ticket);
            }
            stores.tickets().pause(ticket.id(), leaves, clock.instant());
            log(stores, ticket, kind, staff, "");
            stores.outbox().add(threaded(stores, mail.apply(ticket)));
            return new WorkOutcome.Done(leaves);
        });
    }

    /** A status mail within the per-address limit; over it, the intake log says it was held back. */
    private void statusMail(Stores stores, Ticket ticket, String subject, MailBody body) {
        if (limit.allows(stores.outbox(), ticket.requesterEmail())) {
            stores.outbox().add(threaded(stores, mail(ticket, OutboxKind.STATUS_NOTICE, subject, body)));
        } else {
            log(stores, ticket, EventKind.ACKNOWLEDGEMENT_SUPPRESSED, "", "limit per hour reached");
        }
    }

    private OutboxMessage mail(Ticket ticket, OutboxKind kind, String subject, MailBody body) {
        return new OutboxMessage(OptionalLong.of(ticket.id()), kind, messageIds.next(),
                ticket.requesterEmail(), subject, body.text(), body.html(), "", List.of(), clock.instant());
    }

    /** In the citizen's thread: a reply to their newest mail on the ticket. */
    private static OutboxMessage threaded(Stores stores, OutboxMessage mail) {
        List<String> ids = stores.messages().citizenMessageIds(mail.ticketId().orElseThrow());
        if (ids.isEmpty()) {
            return mail;
        }
        List<String> references = ids.subList(Math.max(0, ids.size() - THREAD_DEPTH), ids.size());
        return mail.inThread(ids.get(ids.size() - 1), references);
    }

    private void log(Stores stores, Ticket ticket, EventKind kind, String staff, String detail) {
        stores.log().append(new IntakeEvent(clock.instant(), kind, ticket.channel(), ticket.number().toString(),
                OptionalLong.of(ticket.id()), staff, detail));
    }

    private WorkOutcome on(TicketNumber number, BiFunction<Stores, Ticket, WorkOutcome> work) {
        WorkOutcome outcome = transactions.inTransaction(stores -> stores.tickets().findForUpdate(number)
                .map(ticket -> work.apply(stores, ticket)).orElseGet(WorkOutcome.NotFound::new));
        if (outcome instanceof WorkOutcome.Done) {
            nudge.outboxWritten();
        }
        return outcome;
    }

    private static WorkOutcome notAllowed(Ticket ticket) {
        return new WorkOutcome.NotAllowed("Обращение в статусе «" + ticket.status().title() + "»: так изменить его нельзя.");
    }
}
