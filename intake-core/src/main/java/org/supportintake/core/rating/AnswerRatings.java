package org.supportintake.core.rating;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.supportintake.core.intake.Transactions;
import org.supportintake.core.log.EventKind;
import org.supportintake.core.log.IntakeEvent;
import org.supportintake.core.ticket.Ticket;
import org.supportintake.core.ticket.TicketNumber;
import org.supportintake.core.ticket.TicketStatus;
import org.supportintake.core.validation.ControlCharacters;
import org.supportintake.core.validation.Violation;

/**
 * The citizen's rating of the answer, given through a signed link from the «Решено» mail. A ticket has one rating:
 * using a link again replaces it, and every change is a {@code ticket_rated} event whose detail is the score, never the
 * comment. A link rates while its ticket is «Решено» or «Закрыто», for {@link RatingToken#WINDOW} after the answer.
 * Thread-safe.
 */
public final class AnswerRatings {

    public static final String COMMENT = "comment";
    public static final int COMMENT_MAX = 1000;
    private static final Set<TicketStatus> RATABLE = EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);

    private final Transactions transactions;
    private final RatingLinks links;
    private final Clock clock;

    public AnswerRatings(Transactions transactions, RatingLinks links, Clock clock) {
        this.transactions = transactions;
        this.links = links;
        this.clock = clock;
    }

    /** The page behind a link; empty when the link rates nothing (forged, expired, or the ticket was reopened). */
    public Optional<RatingForm> open(String token) {
        return verified(token).flatMap(facts -> transactions.inTransaction(stores -> stores.tickets()
                .find(facts.ticketId()).filter(AnswerRatings::ratable)
                .map(ticket -> new RatingForm(ticket.number(), stores.ratings().find(ticket.id())))));
    }

    /** Stores {@code score} and {@code comment} as the ticket's one rating. */
    public RatingOutcome rate(String token, int score, String comment) {
        Optional<RatingToken> facts = verified(token);
        if (facts.isEmpty() || !Rating.isScore(score)) {
            return new RatingOutcome.NotFound();
        }
        String text = comment.replace("\r\n", "\n").strip();
        List<Violation> problems = problems(text);
        if (!problems.isEmpty()) {
            return new RatingOutcome.Invalid(problems);
        }
        return transactions.inTransaction(stores -> stores.tickets().findForUpdate(facts.get().ticketId())
                .filter(AnswerRatings::ratable).<RatingOutcome>map(ticket -> {
                    Optional<Rating> before = stores.ratings().find(ticket.id());
                    boolean changed = before.map(old -> old.score() != score || !old.comment().equals(text)).orElse(true);
                    if (changed) {
                        Instant now = clock.instant();
                        stores.ratings().save(ticket.id(), new Rating(score, text, now));
                        stores.log().append(new IntakeEvent(now, EventKind.TICKET_RATED, ticket.channel(),
                                ticket.number().toString(), OptionalLong.of(ticket.id()), "", Integer.toString(score)));
                    }
                    return new RatingOutcome.Saved(ticket.number(), score, changed);
                }).orElseGet(RatingOutcome.NotFound::new));
    }

    /** For staff: the rating the citizen gave the answer on this ticket, if any. */
    public Optional<Rating> ratingOf(TicketNumber number) {
        return transactions.inTransaction(stores -> stores.tickets().find(number)
                .flatMap(ticket -> stores.ratings().find(ticket.id())));
    }

    private Optional<RatingToken> verified(String token) {
        Instant now = clock.instant();
        return links.verify(token).filter(facts -> facts.openAt(now));
    }

    private static boolean ratable(Ticket ticket) {
        return RATABLE.contains(ticket.status());
    }

    static List<Violation> problems(String comment) {
        List<Violation> problems = new ArrayList<>();
        if (comment.length() > COMMENT_MAX) {
            problems.add(new Violation(COMMENT, "comment.too_long", "Комментарий — не больше " + COMMENT_MAX
                    + " символов. Сейчас: " + comment.length() + "."));
        }
        if (ControlCharacters.anyIn(comment, true)) {
            problems.add(new Violation(COMMENT, "comment.control_characters", "Комментарий содержит управляющие или "
                    + "невидимые символы (они могли попасть при копировании). Наберите или вставьте текст заново; "
                    + "переносы строк допустимы."));
        }
        return problems;
    }
}
