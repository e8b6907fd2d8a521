package org.supportintake.web.form;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.supportintake.core.jdbc.JdbcAcceptedResults;
import org.supportintake.core.ticket.TicketNumber;

/**
 * Results of form posts kept for the page the post redirects to, under a random id that carries no personal data, each
 * for {@code lifetime}. Kept in the database, not in a node's memory, so that the redirect may land on any node: a
 * result page is a courtesy, the acknowledgement mail is the record. Thread-safe.
 */
public final class AcceptedResults {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcAcceptedResults store;
    private final Duration lifetime;
    private final Clock clock;

    public AcceptedResults(JdbcAcceptedResults store, Duration lifetime, Clock clock) {
        this.store = store;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Keeps a result; the id to put in its address (128 random bits, URL-safe). */
    String keep(AcceptedResult result) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        store.keep(id, new JdbcAcceptedResults.Kept(result.heading(), result.ticketNumber().toString(), result.dueAt(),
                result.confirmation()), now, now.plus(lifetime));
        return id;
    }

    /** The result kept under {@code id}, unless it expired or never was. */
    Optional<AcceptedResult> find(String id) {
        if (!id.matches("[A-Za-z0-9_-]{22}")) {
            return Optional.empty();
        }
        return store.find(id, clock.instant()).flatMap(kept -> TicketNumber.parse(kept.ticketNumber())
                .map(number -> new AcceptedResult(kept.heading(), number, kept.dueAt(), kept.confirmation())));
    }
}
