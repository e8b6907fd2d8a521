package org.supportintake.core.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.privacy.PersonalData;
import org.supportintake.core.quarantine.SetAsideState;
import org.supportintake.core.submission.Channel;
import org.supportintake.core.submission.Coded;

/**
 * {@link PersonalData} in the tables that hold it: ticket (requester), message (sender, subject, texts, raw file),
 * attachment (name, hash), outbox (recipient, subject, bodies, the server's answer, which may quote the address),
 * rating (comment) and set_aside_mail. Mail still waiting in the outbox for an anonymised ticket is not sent.
 */
public final class JdbcPersonalData implements PersonalData {

    /** What an anonymised ticket's title and an anonymised file's name read (both are required). */
    public static final String ERASED = "[данные удалены]";
    private static final String TICKETS = "(<tickets>)";

    private final Jdbi jdbi;

    public JdbcPersonalData(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Long> ticketsOf(String email) {
        return jdbi.withHandle(h -> h.createQuery("select id from ticket where erased_at is null and "
                        + "(lower(requester_email) = :email or id in (select ticket_id from message "
                        + "where lower(sender_email) = :email)) order by id")
                .bind("email", email).mapTo(Long.class).list());
    }

    @Override
    public int setAsideFrom(String email) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from set_aside_mail where lower(sender) = :email "
                        + "and state <> :deleted")
                .bind("email", email).bind("deleted", SetAsideState.DELETED.code()).mapTo(Integer.class).one());
    }

    @Override
    public List<Long> closedBefore(Instant closedBefore, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select t.id from ticket t where t.status = 'closed' "
                        + "and t.erased_at is null and coalesce((select max(e.occurred_at) from intake_event e "
                        + "where e.ticket_id = t.id and e.kind = 'ticket_closed'), t.created_at) < :before "
                        + "order by t.id limit :limit")
                .bind("before", SqlValues.timestamp(closedBefore)).bind("limit", limit).mapTo(Long.class).list());
    }

    @Override
    public Set<String> anonymise(List<Long> tickets, Instant at, String staff, String detail) {
        if (tickets.isEmpty()) {
            return Set.of();
        }
        return jdbi.inTransaction(h -> {
            Set<String> hashes = new LinkedHashSet<>(strings(h, "select raw_sha256 from message where ticket_id in "
                    + TICKETS, tickets));
            hashes.addAll(strings(h, "select a.sha256 from attachment a join message m on m.id = a.message_id "
                    + "where m.ticket_id in " + TICKETS, tickets));
            hashes.removeIf(hash -> hash == null || hash.isEmpty());
            update(h, "update attachment set name = '" + ERASED + "', sha256 = '' where message_id in "
                    + "(select id from message where ticket_id in " + TICKETS + ")", tickets);
            update(h, "update message set sender_email = '', sender_name = '', subject = '', body = '', quoted = '', "
                    + "raw_sha256 = '' where ticket_id in " + TICKETS, tickets);
            update(h, "update outbox set recipient = '', subject = '', body = '', html_body = '', last_error = null, "
                    + "next_attempt_at = null, claimed_until = null where ticket_id in " + TICKETS, tickets);
            update(h, "update rating set comment = '' where ticket_id in " + TICKETS, tickets);
            h.createUpdate("update ticket set requester_email = '', requester_name = '', requester_phone = '', "
                            + "callback_time = '', title = '" + ERASED + "', erased_at = :at where id in " + TICKETS)
                    .bind("at", SqlValues.timestamp(at)).bindList("tickets", tickets).execute();
            List<IntakeEvent> events = new ArrayList<>();
            h.createQuery("select id, number, channel from ticket where id in " + TICKETS).bindList("tickets", tickets)
                    .map((row, ctx) -> new IntakeEvent(at, EventKind.REQUESTER_ERASED,
                            Coded.byCode(Channel.class, row.getString("channel")).orElseThrow(),
                            row.getString("number"), OptionalLong.of(row.getLong("id")), staff, detail))
                    .forEach(events::add);
            new JdbcIntakeLog(h).appendAll(events);
            return hashes;
        });
    }

    @Override
    public Set<String> anonymiseOutsideTickets(String email, Instant at, String staff) {
        return jdbi.inTransaction(h -> {
            Set<String> hashes = new LinkedHashSet<>(h.createQuery("select raw_sha256 from set_aside_mail "
                            + "where lower(sender) = :email and raw_sha256 is not null")
                    .bind("email", email).mapTo(String.class).list());
            h.createUpdate("update set_aside_mail set sender = '', subject = '', raw_sha256 = null, "
                            + "state = :deleted, handled_by = :staff, handled_at = :at, replay_outcome = null "
                            + "where lower(sender) = :email")
                    .bind("email", email).bind("deleted", SetAsideState.DELETED.code())
                    .bind("staff", SqlValues.varchar(staff, 100)).bind("at", SqlValues.timestamp(at)).execute();
            h.createUpdate("update outbox set recipient = '', subject = '', body = '', html_body = '', last_error = null, "
                            + "next_attempt_at = null, claimed_until = null where lower(recipient) = :email")
                    .bind("email", email).execute();
            return hashes;
        });
    }

    private static List<String> strings(Handle h, String sql, List<Long> tickets) {
        return h.createQuery(sql).bindList("tickets", tickets).mapTo(String.class).list();
    }

    private static void update(Handle h, String sql, List<Long> tickets) {
        h.createUpdate(sql).bindList("tickets", tickets).execute();
    }
}
