package org.supportintake.core.work;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import org.supportintake.core.intake.Transactions;
import org.supportintake.core.outbox.MailBody;
import org.supportintake.core.outbox.MailTemplates;
import org.supportintake.core.outbox.OutboxKind;
import org.supportintake.core.outbox.OutboxMessage;
import org.supportintake.core.outbox.OutboxNudge;
import org.supportintake.core.outbox.OutgoingMessageIds;
import org.supportintake.core.sla.ProductionCalendar;
import org.supportintake.core.sla.SlaCalendar;

/**
 * The supervisors' daily digest (DESIGN.md): overdue, at risk, repeat requests, acknowledgements that failed and
 * mail set aside, each ticket with a link to its staff page, and the citizens' ratings of answers; written into the
 * outbox for every supervisor address. Nothing is sent on a day off, and nothing when there are no supervisors.
 */
public final class SupervisorDigest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("ru"));

    private final DigestQuery query;
    private final Transactions transactions;
    private final List<String> supervisors;
    private final ProductionCalendar days;
    private final OutgoingMessageIds messageIds;
    private final String staffPages;
    private final OutboxNudge nudge;
    private final Clock clock;
    private final MailTemplates templates = new MailTemplates();

    public SupervisorDigest(DigestQuery query, Transactions transactions, List<String> supervisors, ProductionCalendar days,
                            OutgoingMessageIds messageIds, String publicUrl, OutboxNudge nudge, Clock clock) {
        this.query = query;
        this.transactions = transactions;
        this.supervisors = List.copyOf(supervisors);
        this.days = days;
        this.messageIds = messageIds;
        this.staffPages = (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + "staff/tickets/";
        this.nudge = nudge;
        this.clock = clock;
    }

    /** Writes the digest of what happened since {@code since}; returns how many mails, 0 on a day off. */
    public int send(Instant since) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(SlaCalendar.MOSCOW).toLocalDate();
        if (supervisors.isEmpty() || !days.isWorkingDay(today)) {
            return 0;
        }
        DigestFacts facts = query.facts(since, now);
        String subject = "Сводка службы поддержки на " + DAY.format(today) + ": просрочено " + facts.overdue().size()
                + ", под угрозой " + facts.atRisk().size() + ", повторных запросов " + facts.repeatRequests().size();
        MailBody body = templates.render("digest", context(subject, facts));
        transactions.inTransaction(stores -> {
            supervisors.forEach(address -> stores.outbox().add(new OutboxMessage(OptionalLong.empty(), OutboxKind.DIGEST,
                    messageIds.next(), address, subject, body.text(), body.html(), "", List.of(), now)));
            return null;
        });
        nudge.outboxWritten();
        return supervisors.size();
    }

    private Map<String, Object> context(String subject, DigestFacts facts) {
        Map<String, Object> context = new HashMap<>();
        context.put("subject", subject);
        context.put("since", DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.forLanguageTag("ru"))
                .withZone(SlaCalendar.MOSCOW).format(facts.since()) + " (мск)");
        context.put("sections", List.of(
                section("Просрочены", facts.overdue()),
                section("Под угрозой просрочки", facts.atRisk()),
                section("Повторные запросы", facts.repeatRequests()),
                section("Подтверждения не доставлены", facts.failedAcknowledgements())));
        context.put("mailSetAside", facts.mailSetAside());
        context.put("anyRatings", facts.ratings().count() > 0);
        context.put("ratingCount", facts.ratings().count());
        context.put("ratingAverage", facts.ratings().average());
        context.put("empty", facts.isEmpty());
        return context;
    }

    private Map<String, Object> section(String title, List<String> numbers) {
        return Map.of("title", title, "count", numbers.size(), "any", !numbers.isEmpty(),
                "tickets", numbers.stream().map(number -> Map.of("number", number, "link", staffPages + number)).toList());
    }
}
